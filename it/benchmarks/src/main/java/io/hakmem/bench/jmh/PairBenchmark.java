package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code pair}: allocate 16 B, write 8 bytes, free; scores are nanoseconds per allocate+free pair.
 */
@NullMarked
@State(Scope.Thread)
public class PairBenchmark extends TargetWorkload {
    static final int BATCH = 1000;
    private static final long SIZE = 16;

    private final Object[] blocks = new Object[BATCH];

    /** Batch 1: each block is freed before the next is allocated, the pure recycle path. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batch1(PeerState state) {
        Peer peer = state.allocator;
        for (int i = 0; i < BATCH; i++) {
            Object block = peer.allocate(SIZE);
            peer.write(block, i);
            peer.free(block);
        }
    }

    /** Batch 1000: 1000 blocks are allocated, then freed in LIFO order. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batch1000(PeerState state) {
        allocateWriteFreeLifo(state.allocator, blocks, SIZE);
    }
}
