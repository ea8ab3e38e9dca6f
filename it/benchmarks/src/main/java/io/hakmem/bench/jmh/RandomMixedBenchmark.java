package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import java.util.SplittableRandom;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code random-mixed}, after hakmem's bench_random_mixed: 8192 slots, sizes 16-1040 B; each step
 * picks a slot and frees its block if occupied, else allocates and writes one; nanoseconds per
 * step.
 */
@NullMarked
@State(Scope.Thread)
public class RandomMixedBenchmark extends TargetWorkload {
    static final int STEPS = 1024;
    static final int SLOTS = 8192;
    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 1040;
    /** The random draws are made up front, so their cost stays out of the timed loop. */
    private static final int DRAWS = 1 << 20;

    private static final long SEED = 0x5EED_1234L;

    private final Object[] slots = new Object[SLOTS];
    private final int[] slotOf = new int[DRAWS];
    private final int[] sizeOf = new int[DRAWS];
    private int cursor;

    @Setup(Level.Trial)
    public void draw() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < DRAWS; i++) {
            slotOf[i] = random.nextInt(SLOTS);
            sizeOf[i] = random.nextInt(MIN_SIZE, MAX_SIZE + 1);
        }
    }

    /** Runs {@link #STEPS} steps of the random walk. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void randomMixed(PeerState state) {
        Peer peer = state.allocator;
        Object[] held = slots;
        int at = cursor;
        for (int i = 0; i < STEPS; i++, at = (at + 1) & (DRAWS - 1)) {
            int slot = slotOf[at];
            Object block = held[slot];
            if (block == null) {
                block = peer.allocate(sizeOf[at]);
                peer.write(block, at);
                held[slot] = block;
            } else {
                peer.free(block);
                held[slot] = null;
            }
        }
        cursor = at;
    }
}
