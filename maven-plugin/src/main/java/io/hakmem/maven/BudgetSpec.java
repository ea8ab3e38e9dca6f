package io.hakmem.maven;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A budget that passed {@link BudgetValidator}.
 *
 * <pre>{@code
 * BudgetSpec spec = new BudgetSpec("scaling-1M", "scaling", Map.of("blocks", "1000000"),
 *         Map.of(Figure.OVERHEAD, 60.0, Figure.RESIDENT, 32.0 * 1024 * 1024), Level.FAIL, 10.0);
 * }</pre>
 *
 * @param name the unique name
 * @param workload a built-in name or a class name
 * @param parameters the workload's parameters
 * @param limits each gated figure's limit, in bytes or percent
 * @param level whether crossing a limit fails the build or warns
 * @param maxRegressionPercent the largest allowed increase over the baseline, or null for none
 */
@NullMarked
public record BudgetSpec(
        String name,
        String workload,
        Map<String, String> parameters,
        Map<Figure, Double> limits,
        Level level,
        @Nullable Double maxRegressionPercent) {

    /** Copies the maps so that later changes to the POM model do not leak in. */
    public BudgetSpec {
        parameters = Map.copyOf(parameters);
        limits = limits.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(limits));
    }

    /**
     * The limit of one figure.
     *
     * @param figure the figure
     * @return its limit, or null when it is not gated
     */
    public @Nullable Double limit(Figure figure) {
        return limits.get(figure);
    }
}
