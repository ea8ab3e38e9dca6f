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
import org.openjdk.jmh.infra.Control;

/**
 * {@code xmalloc}: one thread only allocates (16-256 B) and hands each block over a bounded queue
 * to a thread that only frees, the worst case for thread caches; nanoseconds per block and thread.
 */
@NullMarked
@State(Scope.Group)
public class XmallocBenchmark extends TargetWorkload {
    private static final int CONSUMER = 0;
    private long produced;

    /** Registers each of the two threads with the allocator before it allocates or frees. */
    @State(Scope.Thread)
    public static class Worker {
        @Setup(Level.Trial)
        public void register(GroupPeerState group) {
            group.allocator.registerThread();
        }
    }

    /** Allocates and writes a block, then waits for room in the queue to the freeing thread. */
    @Benchmark
    @Group("xmalloc")
    @GroupThreads(1)
    public void allocate(GroupPeerState state, Worker worker, Control control) {
        Peer peer = state.allocator;
        long n = produced++;
        Object block = peer.allocate(16 * (1 + (n & 15)));
        peer.write(block, n);
        SpscRing ring = state.inbox[CONSUMER];
        while (!ring.offer(block)) {
            if (control.stopMeasurement) {
                peer.free(block);
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** Takes the next block from the queue and frees it. */
    @Benchmark
    @Group("xmalloc")
    @GroupThreads(1)
    public void free(GroupPeerState state, Worker worker, Control control) {
        SpscRing ring = state.inbox[CONSUMER];
        Object block;
        while ((block = ring.poll()) == null) {
            if (control.stopMeasurement) {
                return;
            }
            Thread.onSpinWait();
        }
        state.allocator.free(block);
    }
}
