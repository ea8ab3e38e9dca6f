package io.hakmem.maven;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * A budget's result with its verdict.
 *
 * <pre>{@code
 * BudgetOutcome outcome = BudgetEvaluator.evaluate(result);
 * String cell = outcome.passed() ? "PASS" : "FAIL";
 * }</pre>
 *
 * @param result the figures
 * @param violations the crossed limits, empty when it passed
 */
@NullMarked
public record BudgetOutcome(BudgetResult result, List<Violation> violations) {

    /** Copies the violations. */
    public BudgetOutcome {
        violations = List.copyOf(violations);
    }

    /** {@return whether no limit was crossed} */
    public boolean passed() {
        return violations.isEmpty();
    }
}
