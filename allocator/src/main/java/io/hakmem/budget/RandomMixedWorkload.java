package io.hakmem.budget;

import io.hakmem.HakmemArena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/**
 * The built-in {@code random-mixed} workload, after hakmem's {@code bench_random_mixed}: a working
 * set of {@code workingSet} slots; each of {@code cycles} steps picks a slot at random and frees
 * its block if it holds one, or else allocates a block of a random size between {@code minSize}
 * and {@code maxSize} and writes it. The random sequence comes from {@code seed}, so every run
 * does the same work. The peak is measured after the last step, before the rest is freed.
 */
final class RandomMixedWorkload implements Workload {

    static final String NAME = "random-mixed";

    @Override
    public void run(WorkloadContext context) {
        long cycles = Parameters.inRange(context, "cycles", 200_000, 1, Long.MAX_VALUE);
        long seed = context.parameter("seed", 42);
        int slots = (int) Parameters.inRange(context, "workingSet", 8192, 1, 10_000_000);
        long minSize = Parameters.inRange(context, "minSize", 16, 1, 1L << 30);
        long maxSize = Parameters.inRange(context, "maxSize", 1040, minSize, 1L << 30);
        HakmemArena arena = context.arena();
        MemorySegment[] slot = new MemorySegment[slots];
        SplittableRandom random = new SplittableRandom(seed);
        for (long step = 0; step < cycles; step++) {
            int index = random.nextInt(slots);
            if (slot[index] != null) {
                arena.free(slot[index]);
                slot[index] = null;
            } else {
                MemorySegment block = arena.allocate(random.nextLong(minSize, maxSize + 1));
                block.fill((byte) step);
                slot[index] = block;
            }
        }
        context.measure();
        for (MemorySegment block : slot) {
            if (block != null) {
                arena.free(block);
            }
        }
    }
}
