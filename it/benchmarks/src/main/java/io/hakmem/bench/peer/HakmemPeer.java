package io.hakmem.bench.peer;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/** hakmem-java through its public API only: {@code allocate(size)} and {@code free(segment)}. */
@NullMarked
final class HakmemPeer extends SegmentPeer {
    private final HakmemArena arena;

    HakmemPeer(HakmemConfig config) {
        arena = HakmemArena.create(config);
    }

    @Override
    public Object allocate(long size) {
        return arena.allocate(size);
    }

    @Override
    public void free(Object block) {
        arena.free((MemorySegment) block);
    }

    @Override
    public void trim() {
        arena.trim();
    }

    @Override
    public void close() {
        arena.close();
    }

    /** @return the arena, for statistics */
    HakmemArena arena() {
        return arena;
    }
}
