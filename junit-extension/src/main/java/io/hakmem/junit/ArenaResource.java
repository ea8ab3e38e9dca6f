package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One extension-managed arena, kept in an {@link ExtensionContext.Store}. JUnit closes it when the
 * owning context ends: for a test that is only a safety net (the after-each check already closed
 * it); for a class-level arena (from {@code @BeforeAll} parameters) the checks run here.
 */
@NullMarked
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit releases before 5.13 closing it
final class ArenaResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final HakmemArena arena;
    private final ArenaSettings settings;
    private final ExtensionContext context;
    private final boolean checkOnClose;
    /**
     * The arena's ranges when the extension last saw it open. A test may close its arena itself,
     * which empties {@link HakmemArena#mappedRanges()}; these are then the ranges the OS check can
     * still prove gone.
     */
    private volatile List<AddressRange> lastSeenRanges = List.of();

    ArenaResource(HakmemArena arena, ArenaSettings settings, ExtensionContext context, boolean checkOnClose) {
        this.arena = arena;
        this.settings = settings;
        this.context = context;
        this.checkOnClose = checkOnClose;
    }

    HakmemArena arena() {
        return arena;
    }

    ArenaSettings settings() {
        return settings;
    }

    /** Remembers the arena's current ranges, unless it is closed already. */
    void observe() {
        List<AddressRange> ranges = ArenaMappings.of(arena);
        // A close() between the two reads leaves ranges empty or complete; keep the older list then.
        if (!arena.isClosed()) {
            lastSeenRanges = ranges;
        }
    }

    List<AddressRange> lastSeenRanges() {
        return lastSeenRanges;
    }

    @Override
    public void close() {
        if (checkOnClose) {
            Verdicts.deliver(ArenaChecks.checkAndClose(this, context), settings.leakCheck(), context);
        } else {
            ArenaChecks.closeQuietly(arena);
        }
    }
}
