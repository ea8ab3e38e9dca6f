package io.hakmem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * An {@link Arena} whose segments can be freed one by one.
 *
 * <pre>{@code
 * try (HakmemArena arena = HakmemArena.create()) {
 *     MemorySegment a = arena.allocate(16);
 *     MemorySegment b = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
 *     arena.free(a);
 *     arena.free(b);
 *     assert arena.stats().liveBlocks() == 0;
 * }
 * }</pre>
 *
 * <p>API under construction; see the allocator-core issue.
 */
@NullMarked
public final class HakmemArena implements Arena {

    private HakmemArena() {
        throw new UnsupportedOperationException("in progress");
    }

    /** @return an arena with {@link HakmemConfig#defaults()} */
    public static HakmemArena create() {
        return create(HakmemConfig.defaults());
    }

    /**
     * @param config the settings
     * @return a new arena
     */
    public static HakmemArena create(HakmemConfig config) {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        throw new UnsupportedOperationException("in progress");
    }

    /** @param segment a segment returned by this arena */
    public void free(MemorySegment segment) {
        throw new UnsupportedOperationException("in progress");
    }

    /** @return the counters */
    public HakmemStats stats() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Gives back every empty SuperSlab now, from any thread. */
    public void trim() {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * @param max the most blocks to list
     * @return live blocks, at most {@code max}
     */
    public List<LiveBlock> liveBlocks(int max) {
        throw new UnsupportedOperationException("in progress");
    }

    /** @return the configuration */
    public HakmemConfig config() {
        throw new UnsupportedOperationException("in progress");
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public MemorySegment.Scope scope() {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("in progress");
    }
}
