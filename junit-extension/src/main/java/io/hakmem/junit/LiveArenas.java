package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.watch.ArenaWatch;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;

/**
 * Every arena the extension created and has not yet closed, in this process, so that the OS check
 * can ask who holds an address range now.
 *
 * <p>A static set, not an {@link org.junit.jupiter.api.extension.ExtensionContext.Store}: the kernel
 * hands out addresses from one address space per process, while a store lives as long as one
 * launcher execution, and several executions (EngineTestKit inside a Surefire run, for one) share
 * the process. Entries are removed when the extension closes the arena, and arenas a test closed
 * itself are pruned as they are seen, so the set stays as small as the number of running tests.
 */
@NullMarked
final class LiveArenas {

    private static final Set<HakmemArena> ARENAS = ConcurrentHashMap.newKeySet();

    private LiveArenas() {}

    static void add(HakmemArena arena) {
        ARENAS.add(arena);
    }

    static void remove(HakmemArena arena) {
        ARENAS.remove(arena);
    }

    /** {@return whether the extension created this arena and still manages it} */
    static boolean contains(Arena arena) {
        return ARENAS.contains(arena);
    }

    /** {@return the ranges the open arenas map at this moment, each listed under its arena's lock} */
    static List<AddressRange> heldRanges() {
        List<AddressRange> held = new ArrayList<>();
        for (HakmemArena arena : ARENAS) {
            if (arena.isClosed()) {
                ARENAS.remove(arena);
            } else {
                held.addAll(ArenaMappings.of(arena));
            }
        }
        // Arenas the code under test opened (the global one included) hold ranges too.
        for (HakmemArena arena : ArenaWatch.openArenas(HakmemArena.class)) {
            if (!ARENAS.contains(arena)) {
                held.addAll(ArenaMappings.of(arena));
            }
        }
        return held;
    }
}
