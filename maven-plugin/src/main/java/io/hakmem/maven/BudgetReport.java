package io.hakmem.maven;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * Everything the reports show: every budget with its verdict, and how the figures were taken.
 *
 * <pre>{@code
 * BudgetReport report = new BudgetReport(outcomes, info);
 * if (!report.passed()) { ... }
 * }</pre>
 *
 * @param outcomes the budgets, in POM order
 * @param info how, when and where they ran
 */
@NullMarked
public record BudgetReport(List<BudgetOutcome> outcomes, RunInfo info) {

    /** Copies the outcomes. */
    public BudgetReport {
        outcomes = List.copyOf(outcomes);
    }

    /** {@return runs per budget} */
    public int repeat() {
        return info.repeat();
    }

    /** {@return the version of the JVM that ran the budgets} */
    public String javaVersion() {
        return info.javaVersion();
    }

    /** {@return whether the build may pass: no budget is FAIL or ERROR} */
    public boolean passed() {
        return outcomes.stream().allMatch(BudgetOutcome::passed);
    }

    /** {@return every violation, budget by budget} */
    public List<Violation> violations() {
        return outcomes.stream()
                .flatMap(outcome -> outcome.violations().stream())
                .toList();
    }

    /** {@return the violations that fail the build: those of FAIL and ERROR budgets} */
    public List<Violation> failures() {
        return outcomes.stream()
                .filter(outcome -> !outcome.passed())
                .flatMap(outcome -> outcome.violations().stream())
                .toList();
    }

    /** {@return the violations of WARN budgets, which are only logged} */
    public List<Violation> warnings() {
        return outcomes.stream()
                .filter(outcome -> outcome.passed())
                .flatMap(outcome -> outcome.violations().stream())
                .toList();
    }

    /** {@return every note, budget by budget} */
    public List<String> notes() {
        return outcomes.stream().flatMap(outcome -> outcome.notes().stream()).toList();
    }
}
