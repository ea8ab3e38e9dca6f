package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pair at batch 1, by two threads sharing one allocator: each allocates a 16 B block, writes
 * and reads it, and frees it, one block per call. Where an allocator finds the calling thread's
 * cache shows here: hakmem keeps its first two threads' caches in the arena and reaches others'
 * through hint slots. Nanoseconds per block.
 */
@NullMarked
public class SharedPairBenchmark extends BenchmarkDefaults {
    static final int SIZE = 16;

    /** Each thread's start. */
    @State(Scope.Thread)
    public static class Joiner {
        @Setup(Level.Trial)
        public void join(GroupPeerState group) {
            group.allocator.registerThread();
        }
    }

    /** Allocates a block, writes and reads its first 8 bytes, frees it. */
    @Benchmark
    @Group("sharedPair")
    @GroupThreads(GroupPeerState.THREADS)
    public long pair(GroupPeerState group, Joiner joiner) {
        Peer peer = group.allocator;
        Object block = peer.allocate(SIZE);
        peer.write(block, 1);
        long result = peer.read(block);
        peer.free(block);
        return result;
    }
}
