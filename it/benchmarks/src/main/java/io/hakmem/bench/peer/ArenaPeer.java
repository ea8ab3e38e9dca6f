package io.hakmem.bench.peer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/**
 * The JDK's own answer to per-block free: one arena per block, closed to free it. Confined arenas
 * where a block stays on its thread; shared ones where another thread frees it, since only the
 * owner may close a confined arena.
 */
@NullMarked
final class ArenaPeer extends Peer {
    private final boolean shared;

    ArenaPeer(boolean shared) {
        this.shared = shared;
    }

    /** What a user must keep to free the block: the segment and its arena. */
    private record Block(Arena arena, MemorySegment segment) {}

    @Override
    public Object allocate(long size) {
        Arena arena = shared ? Arena.ofShared() : Arena.ofConfined();
        return new Block(arena, arena.allocate(size));
    }

    @Override
    public void write(Object block, long value) {
        ((Block) block).segment.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, value);
    }

    @Override
    public long read(Object block) {
        return ((Block) block).segment.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
    }

    @Override
    public void free(Object block) {
        ((Block) block).arena.close();
    }
}
