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
 * {@code cache-scratch}: two threads each free one of two neighbouring 16 B blocks that one thread
 * allocated, then repeatedly allocate a 16 B block, update it 64 times and free it; an allocator
 * that hands both threads the same cache line pays for false sharing. Nanoseconds per block.
 */
@NullMarked
public class CacheScratchBenchmark extends BenchmarkDefaults {
    static final int SIZE = 16;
    static final int UPDATES = 64;

    /** The two neighbouring blocks, allocated together by whichever thread sets the group up. */
    @State(Scope.Group)
    public static class Neighbours {
        final Object[] blocks = new Object[GroupPeerState.THREADS];

        @Setup(Level.Trial)
        public void allocate(GroupPeerState group) {
            group.allocator.registerThread();
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = group.allocator.allocate(SIZE);
            }
        }
    }

    /** Each thread's start: it frees its neighbour block, passively inviting false sharing. */
    @State(Scope.Thread)
    public static class Scratcher {
        @Setup(Level.Trial)
        public void join(GroupPeerState group, Neighbours neighbours) {
            group.allocator.registerThread();
            group.allocator.free(neighbours.blocks[group.join()]);
        }
    }

    /** Allocates a block, updates its first 8 bytes {@link #UPDATES} times, frees it. */
    @Benchmark
    @Group("cacheScratch")
    @GroupThreads(GroupPeerState.THREADS)
    public long scratch(GroupPeerState group, Scratcher scratcher) {
        Peer peer = group.allocator;
        Object block = peer.allocate(SIZE);
        peer.write(block, 0);
        for (int i = 0; i < UPDATES; i++) {
            peer.write(block, peer.read(block) + 1);
        }
        long result = peer.read(block);
        peer.free(block);
        return result;
    }
}
