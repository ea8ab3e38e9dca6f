package io.hakmem.bench.peer;

import org.jspecify.annotations.NullMarked;

/**
 * glibc malloc, or calloc(1, n) where the comparison is with zeroing allocators, and free, through
 * critical downcalls, the address wrapped as a sized segment.
 */
@NullMarked
final class MallocPeer extends CHeapPeer {

    MallocPeer(boolean zeroing) {
        super(zeroing, "malloc", "calloc");
    }

    @Override
    CHeapCalls calls() {
        return Libc.CALLS;
    }

    @Override
    public void trim() {
        Libc.mallocTrim();
    }
}
