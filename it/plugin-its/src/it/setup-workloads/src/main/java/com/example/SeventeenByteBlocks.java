package com.example;

import io.hakmem.HakmemArena;
import io.hakmem.budget.Workload;
import io.hakmem.budget.WorkloadContext;
import java.lang.foreign.MemorySegment;

/** Allocates {@code blocks} blocks of 17 B, writes them, marks the peak, frees them. */
public final class SeventeenByteBlocks implements Workload {
    @Override
    public void run(WorkloadContext context) {
        HakmemArena arena = context.arena();
        MemorySegment[] blocks = new MemorySegment[(int) context.parameter("blocks", 100_000)];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = arena.allocate(17);
            blocks[i].fill((byte) i);
        }
        context.measure();
        for (MemorySegment block : blocks) {
            arena.free(block);
        }
    }
}
