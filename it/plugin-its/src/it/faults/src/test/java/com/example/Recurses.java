package com.example;

import io.hakmem.budget.Workload;
import io.hakmem.budget.WorkloadContext;

/** Recurses without end: a StackOverflowError with 1024 frames of trace. */
public final class Recurses implements Workload {
    @Override
    public void run(WorkloadContext context) {
        depth(0);
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }
}
