package io.hakmem.bench.peer;

import org.jspecify.annotations.NullMarked;

/** mimalloc's {@code mi_malloc}, or {@code mi_zalloc} for the zeroing comparison, and {@code mi_free}. */
@NullMarked
final class MimallocPeer extends CHeapPeer {

    MimallocPeer(boolean zeroing) {
        super(zeroing, "mi_malloc", "mi_zalloc");
    }

    @Override
    CHeapCalls calls() {
        return Mimalloc.CALLS;
    }

    @Override
    long zeroed(long size) {
        return Mimalloc.zalloc(size);
    }

    @Override
    public void trim() {
        Mimalloc.collect();
    }
}
