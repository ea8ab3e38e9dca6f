package io.hakmem.bench.jmh;

import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Size sweep: the {@code pair} batch of 100 (allocate and write 100 blocks, free them LIFO) at
 * sizes from 16 B to 256 KiB, across the small classes, the slab sizes and hakmem's largest
 * slab-served size; nanoseconds per pair.
 */
@NullMarked
@State(Scope.Thread)
public class SizeSweepBenchmark extends BenchmarkDefaults {
    static final int BATCH = 100;

    @Param({"16", "128", "1024", "2048", "16384", "65536", "262144"})
    public int size;

    private final Object[] blocks = new Object[BATCH];

    /** Allocates {@link #BATCH} blocks of {@code size} bytes, writes each, frees them LIFO. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sweep(PeerState state) {
        allocateWriteFreeLifo(state.allocator, blocks, size);
    }
}
