package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/**
 * glibc malloc, or calloc(1, n) where the comparison is with zeroing allocators, and free, through
 * critical downcalls, the address wrapped as a sized segment.
 */
@NullMarked
final class MallocPeer extends SegmentPeer {
    private final boolean zeroing;

    MallocPeer(boolean zeroing) {
        this.zeroing = zeroing;
    }

    @Override
    public Object allocate(long size) {
        return zeroing ? wrap(Libc.CALLS.calloc(size), size, "calloc") : wrap(Libc.CALLS.malloc(size), size, "malloc");
    }

    @Override
    public void free(Object block) {
        Libc.CALLS.free(((MemorySegment) block).address());
    }

    @Override
    public void trim() {
        Libc.mallocTrim();
    }
}
