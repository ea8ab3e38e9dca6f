package io.hakmem.maven;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A budget's result with its verdict and what it was compared with.
 *
 * <pre>{@code
 * BudgetOutcome outcome = BudgetEvaluator.evaluate(result, baseline);
 * String cell = outcome.status().name(); // PASS, WARN, FAIL or ERROR
 * }</pre>
 *
 * @param result the figures
 * @param violations the crossed limits and regressions, empty when it passed
 * @param baseline the budget's entry in the baseline, or null when there is none
 * @param notes remarks that are not failures, such as a budget missing from the baseline
 */
@NullMarked
public record BudgetOutcome(
        BudgetResult result, List<Violation> violations, Baseline.@Nullable Entry baseline, List<String> notes) {

    /** Copies the lists. */
    public BudgetOutcome {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    /** {@return the verdict: an error beats a crossed limit; a crossed limit counts at the budget's level} */
    public Status status() {
        if (violations.stream().anyMatch(v -> v.kind() == Violation.Kind.ERROR)) {
            return Status.ERROR;
        }
        if (violations.isEmpty()) {
            return Status.PASS;
        }
        return result.spec().level() == Level.WARN ? Status.WARN : Status.FAIL;
    }

    /** {@return whether the build may pass with this budget: PASS or WARN} */
    public boolean passed() {
        return !status().failsBuild();
    }

    /**
     * The change of one figure's median over the baseline.
     *
     * @param figure the figure
     * @return the increase in percent of the baseline (negative for a decrease), NaN without a
     *     baseline value or a measurement, infinity when the baseline was 0 and the figure is not
     */
    public double deltaPercent(Figure figure) {
        if (baseline == null) {
            return Double.NaN;
        }
        double before = baseline.value(figure);
        double now = result.median(figure);
        if (Double.isNaN(before) || Double.isNaN(now)) {
            return Double.NaN;
        }
        if (before == 0) {
            return now == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * (now - before) / before;
    }
}
