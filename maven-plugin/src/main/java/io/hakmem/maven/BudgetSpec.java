package io.hakmem.maven;

import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A budget that passed {@link BudgetValidator}.
 *
 * <pre>{@code
 * BudgetSpec spec = new BudgetSpec("scaling-1M", "scaling", Map.of("blocks", "1000000"), 60.0, null);
 * }</pre>
 *
 * @param name the unique name
 * @param workload a built-in name or a class name
 * @param parameters the workload's parameters
 * @param maxOverheadPercent the overhead limit in percent, or null for none
 * @param maxRetainedBytes the retained-bytes limit, or null for none
 */
@NullMarked
public record BudgetSpec(
        String name,
        String workload,
        Map<String, String> parameters,
        @Nullable Double maxOverheadPercent,
        @Nullable Long maxRetainedBytes) {

    /** Copies the parameters so that later changes to the POM model do not leak in. */
    public BudgetSpec {
        parameters = Map.copyOf(parameters);
    }
}
