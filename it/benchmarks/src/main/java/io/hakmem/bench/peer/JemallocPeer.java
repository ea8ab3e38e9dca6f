package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/** jemalloc's {@code je_malloc}, or {@code je_calloc(1, n)} for the zeroing comparison, and {@code je_free}. */
@NullMarked
final class JemallocPeer extends SegmentPeer {
    private final boolean zeroing;

    JemallocPeer(boolean zeroing) {
        this.zeroing = zeroing;
    }

    @Override
    public Object allocate(long size) {
        return zeroing
                ? wrap(Jemalloc.CALLS.calloc(size), size, "je_calloc")
                : wrap(Jemalloc.CALLS.malloc(size), size, "je_malloc");
    }

    @Override
    public void free(Object block) {
        Jemalloc.CALLS.free(((MemorySegment) block).address());
    }

    @Override
    public void trim() {
        Jemalloc.purge();
    }
}
