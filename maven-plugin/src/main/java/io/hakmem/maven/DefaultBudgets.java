package io.hakmem.maven;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * The budgets that run when the POM lists none: the built-in {@code scaling} workload at 100K,
 * 500K and 1M blocks of 16 B, the sizes of the original hakmem's {@code test_scaling}.
 *
 * <pre>{@code
 * List<Budget> budgets = configured.isEmpty() ? DefaultBudgets.all() : configured;
 * }</pre>
 */
@NullMarked
public final class DefaultBudgets {

    /** Overhead limit of the default set, in percent of live bytes: hakmem's own 30-50 % target. */
    public static final double MAX_OVERHEAD_PERCENT = 50.0;

    /** Retained-bytes limit of the default set: after trim() at most one 2 MiB SuperSlab may stay. */
    public static final long MAX_RETAINED_BYTES = 2L * 1024 * 1024;

    private DefaultBudgets() {}

    /** {@return scaling-100K, scaling-500K and scaling-1M, 16 B blocks, with the default limits} */
    public static List<Budget> all() {
        return List.of(
                scaling("scaling-100K", 100_000), scaling("scaling-500K", 500_000), scaling("scaling-1M", 1_000_000));
    }

    private static Budget scaling(String name, int blocks) {
        return new Budget(name, "scaling", Map.of("blocks", Integer.toString(blocks), "size", "16"))
                .set("maxOverheadPercent", Units.number(MAX_OVERHEAD_PERCENT))
                .set("maxRetainedBytes", Long.toString(MAX_RETAINED_BYTES));
    }
}
