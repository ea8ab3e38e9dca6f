package io.hakmem.maven;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * Compares a budget's median figures with its limits. A limit is crossed when the measured value
 * is strictly greater; a budget whose workload failed, or that has a limit but no figure to
 * compare, fails too: missing data never passes silently.
 *
 * <pre>{@code
 * BudgetOutcome outcome = BudgetEvaluator.evaluate(result);
 * outcome.violations().forEach(v -> log.error(v.message()));
 * }</pre>
 */
@NullMarked
public final class BudgetEvaluator {

    private BudgetEvaluator() {}

    /**
     * Compares a budget's figures with its limits.
     *
     * @param result a budget's figures
     * @return the verdict
     */
    public static BudgetOutcome evaluate(BudgetResult result) {
        BudgetSpec spec = result.spec();
        String budget = "budget '" + spec.name() + "': ";
        List<Violation> violations = new ArrayList<>();
        if (result.error() != null) {
            violations.add(new Violation(spec.name(), "workload", budget + "workload failed: " + result.error()));
        }
        Double maxOverhead = spec.maxOverheadPercent();
        if (maxOverhead != null && !result.runs().isEmpty()) {
            double overhead = result.overheadPercent();
            if (Double.isNaN(overhead)) {
                violations.add(new Violation(spec.name(), "maxOverheadPercent", budget
                        + "overhead unknown: no live bytes at the peak (call context.measure() while blocks are held)"
                        + ", maxOverheadPercent " + Units.percent(maxOverhead)));
            } else if (overhead > maxOverhead) {
                violations.add(new Violation(spec.name(), "maxOverheadPercent", budget + "overhead "
                        + Units.percent(overhead) + " > maxOverheadPercent " + Units.percent(maxOverhead)));
            }
        }
        Long maxRetained = spec.maxRetainedBytes();
        if (maxRetained != null && !result.runs().isEmpty() && result.medianRetainedBytes() > maxRetained) {
            violations.add(new Violation(spec.name(), "maxRetainedBytes", budget + "retained "
                    + result.medianRetainedBytes() + " B > maxRetainedBytes " + maxRetained + " B"));
        }
        if (result.runs().isEmpty() && result.error() == null) {
            violations.add(new Violation(spec.name(), "workload", budget + "no run completed"));
        }
        return new BudgetOutcome(result, violations);
    }
}
