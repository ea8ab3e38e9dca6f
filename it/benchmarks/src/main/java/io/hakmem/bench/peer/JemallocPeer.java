package io.hakmem.bench.peer;

import org.jspecify.annotations.NullMarked;

/** jemalloc's {@code je_malloc}, or {@code je_calloc(1, n)} for the zeroing comparison, and {@code je_free}. */
@NullMarked
final class JemallocPeer extends CHeapPeer {

    JemallocPeer(boolean zeroing) {
        super(zeroing, "je_malloc", "je_calloc");
    }

    @Override
    CHeapCalls calls() {
        return Jemalloc.CALLS;
    }

    @Override
    public void trim() {
        Jemalloc.purge();
    }
}
