package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import java.util.SplittableRandom;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code larson}: two server-style threads each keep 1000 blocks of 16-1000 B and replace a random
 * one per step; every 8th replaced block goes to the other thread to free; nanoseconds per step.
 */
@NullMarked
public class LarsonBenchmark extends TargetWorkload {
    static final int STEPS = 256;
    static final int BLOCKS = 1000;
    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 1000;
    private static final int DRAWS = 1 << 16;
    private static final long SEED = 0x1A850BL;

    /** One server thread: its blocks and its pre-drawn random choices. */
    @State(Scope.Thread)
    public static class Server {
        final Object[] held = new Object[BLOCKS];
        final int[] slotOf = new int[DRAWS];
        final int[] sizeOf = new int[DRAWS];
        int id;
        int cursor;

        @Setup(Level.Trial)
        public void join(GroupPeerState group) {
            group.allocator.registerThread();
            id = group.join();
            SplittableRandom random = new SplittableRandom(SEED + id);
            for (int i = 0; i < DRAWS; i++) {
                slotOf[i] = random.nextInt(BLOCKS);
                sizeOf[i] = random.nextInt(MIN_SIZE, MAX_SIZE + 1);
            }
            for (int i = 0; i < BLOCKS; i++) {
                held[i] = group.allocator.allocate(sizeOf[i]);
            }
        }
    }

    /** Runs {@link #STEPS} replacements, then frees what the other thread handed over. */
    @Benchmark
    @Group("larson")
    @GroupThreads(GroupPeerState.THREADS)
    @OperationsPerInvocation(STEPS)
    public void step(GroupPeerState group, Server server) {
        Peer peer = group.allocator;
        SpscRing outbox = group.inbox[1 - server.id];
        Object[] held = server.held;
        int at = server.cursor;
        for (int i = 0; i < STEPS; i++, at = (at + 1) & (DRAWS - 1)) {
            int slot = server.slotOf[at];
            Object old = held[slot];
            Object fresh = peer.allocate(server.sizeOf[at]);
            peer.write(fresh, at);
            held[slot] = fresh;
            if ((at & 7) != 0 || !outbox.offer(old)) {
                peer.free(old);
            }
        }
        server.cursor = at;
        SpscRing inbox = group.inbox[server.id];
        for (Object block = inbox.poll(); block != null; block = inbox.poll()) {
            peer.free(block);
        }
    }
}
