package io.hakmem.budget;

import io.hakmem.HakmemArena;
import java.lang.foreign.MemorySegment;

/**
 * The built-in {@code scaling} workload, after the seed's {@code test_scaling}: allocate
 * {@code blocks} blocks of {@code size} bytes, write every byte of each, measure, free them all.
 */
final class ScalingWorkload implements Workload {

    static final String NAME = "scaling";
    static final long DEFAULT_BLOCKS = 100_000;
    static final long DEFAULT_SIZE = 16;

    @Override
    public void run(WorkloadContext context) {
        int blocks = (int) Parameters.inRange(context, "blocks", DEFAULT_BLOCKS, 1, 100_000_000);
        long size = Parameters.inRange(context, "size", DEFAULT_SIZE, 1, 1L << 30);
        HakmemArena arena = context.arena();
        MemorySegment[] held = new MemorySegment[blocks];
        for (int i = 0; i < blocks; i++) {
            held[i] = arena.allocate(size);
            // Writing makes the pages resident, as real data would.
            held[i].fill((byte) i);
        }
        context.measure();
        for (MemorySegment block : held) {
            arena.free(block);
        }
    }
}
