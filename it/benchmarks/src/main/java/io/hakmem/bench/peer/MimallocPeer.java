package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/** mimalloc's {@code mi_malloc}, or {@code mi_zalloc} for the zeroing comparison, and {@code mi_free}. */
@NullMarked
final class MimallocPeer extends SegmentPeer {
    private final boolean zeroing;

    MimallocPeer(boolean zeroing) {
        this.zeroing = zeroing;
    }

    @Override
    public Object allocate(long size) {
        return zeroing
                ? wrap(Mimalloc.zalloc(size), size, "mi_zalloc")
                : wrap(Mimalloc.CALLS.malloc(size), size, "mi_malloc");
    }

    @Override
    public void free(Object block) {
        Mimalloc.CALLS.free(((MemorySegment) block).address());
    }

    @Override
    public void trim() {
        Mimalloc.collect();
    }
}
