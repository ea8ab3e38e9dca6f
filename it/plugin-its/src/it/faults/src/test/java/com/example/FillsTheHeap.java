package com.example;

import io.hakmem.budget.Workload;
import io.hakmem.budget.WorkloadContext;
import java.util.ArrayList;
import java.util.List;

/** Holds on-heap arrays until the fork's 64 MiB heap is gone: a real OutOfMemoryError. */
public final class FillsTheHeap implements Workload {
    @Override
    public void run(WorkloadContext context) {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }
}
