package io.hakmem.maven;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * Everything the reports show: every budget with its verdict, and how the figures were taken.
 *
 * <pre>{@code
 * BudgetReport report = new BudgetReport(outcomes, 3, "25.0.1");
 * if (!report.passed()) { ... }
 * }</pre>
 *
 * @param outcomes the budgets, in POM order
 * @param repeat runs per budget; the figures are medians
 * @param javaVersion the version of the JVM that ran the budgets
 */
@NullMarked
public record BudgetReport(List<BudgetOutcome> outcomes, int repeat, String javaVersion) {

    /** Copies the outcomes. */
    public BudgetReport {
        outcomes = List.copyOf(outcomes);
    }

    /** {@return whether every budget passed} */
    public boolean passed() {
        return outcomes.stream().allMatch(BudgetOutcome::passed);
    }

    /** {@return every violation, budget by budget} */
    public List<Violation> violations() {
        return outcomes.stream().flatMap(outcome -> outcome.violations().stream()).toList();
    }
}
