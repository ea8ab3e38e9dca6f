package io.hakmem.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Compares a budget's median figures with its limits and with its baseline entry. A limit is
 * crossed when the median is strictly greater; a regression when the median grew over the
 * baseline by strictly more than {@code maxRegressionPercent}. A budget whose workload failed, or
 * that has a limit but no figure to compare, fails too: missing data never passes silently.
 *
 * <pre>{@code
 * BudgetOutcome outcome = BudgetEvaluator.evaluate(result, Baseline.read(file));
 * outcome.violations().forEach(v -> log.error(v.message()));
 * }</pre>
 */
@NullMarked
public final class BudgetEvaluator {

    private BudgetEvaluator() {}

    /**
     * Compares a budget's figures with its limits, without a baseline.
     *
     * @param result a budget's figures
     * @return the verdict
     */
    public static BudgetOutcome evaluate(BudgetResult result) {
        return evaluate(result, null);
    }

    /**
     * Compares a budget's figures with its limits and its baseline entry.
     *
     * @param result a budget's figures
     * @param baseline the baseline, or null when there is no baseline file
     * @return the verdict, with a note when the baseline has no entry for the budget
     */
    public static BudgetOutcome evaluate(BudgetResult result, @Nullable Baseline baseline) {
        BudgetSpec spec = result.spec();
        String budget = "budget '" + spec.name() + "': ";
        List<Violation> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (result.error() != null) {
            violations.add(new Violation(
                    spec.name(),
                    "workload",
                    Violation.Kind.ERROR,
                    null,
                    budget + "workload failed: " + result.error()));
        } else if (result.runs().isEmpty()) {
            violations.add(
                    new Violation(spec.name(), "workload", Violation.Kind.ERROR, null, budget + "no run completed"));
        }
        if (!result.runs().isEmpty()) {
            spec.limits().forEach((figure, limit) -> checkLimit(budget, result, figure, limit, violations));
        }
        Baseline.Entry entry = baseline == null ? null : baseline.entry(spec.name());
        if (baseline != null && entry == null) {
            notes.add(budget + "not in the baseline yet; mvn hakmem:baseline adds it");
        }
        if (entry != null && !new TreeMap<>(entry.parameters()).equals(new TreeMap<>(spec.parameters()))) {
            notes.add(budget + "parameters " + new TreeMap<>(spec.parameters()) + " differ from the baseline's "
                    + entry.parameters());
        }
        BudgetOutcome compared = new BudgetOutcome(result, List.of(), entry, List.of());
        Double maxRegression = spec.maxRegressionPercent();
        if (entry != null && maxRegression != null && !result.runs().isEmpty()) {
            for (Figure figure : Figure.REGRESSION_GATED) {
                checkRegression(budget, compared, figure, entry.value(figure), maxRegression, violations);
            }
        }
        return new BudgetOutcome(result, violations, entry, notes);
    }

    private static void checkLimit(
            String budget, BudgetResult result, Figure figure, double limit, List<Violation> violations) {
        double median = result.median(figure);
        String field = figure.limitName();
        if (Double.isNaN(median)) {
            String why = figure == Figure.OVERHEAD
                    ? "no live bytes at the peak (call context.measure() while blocks are held)"
                    : "not measured on this system";
            violations.add(new Violation(
                    result.spec().name(),
                    field,
                    Violation.Kind.LIMIT,
                    figure,
                    budget + figure.label() + " unknown: " + why + ", " + field + " " + figure.format(limit)));
        } else if (median > limit) {
            violations.add(new Violation(
                    result.spec().name(),
                    field,
                    Violation.Kind.LIMIT,
                    figure,
                    budget + figure.label() + " " + figure.format(median) + " > " + field + " "
                            + figure.format(limit)));
        }
    }

    private static void checkRegression(
            String budget,
            BudgetOutcome compared,
            Figure figure,
            double before,
            double maxRegression,
            List<Violation> violations) {
        double delta = compared.deltaPercent(figure);
        if (Double.isNaN(delta) || delta <= maxRegression) {
            return;
        }
        String now = figure.format(compared.result().median(figure));
        String change = Double.isInfinite(delta) ? "is above" : "is " + deltaText(delta) + " above";
        violations.add(new Violation(
                compared.result().spec().name(),
                "maxRegressionPercent",
                Violation.Kind.REGRESSION,
                figure,
                budget + figure.label() + " " + now + " " + change + " the baseline " + figure.format(before)
                        + " > maxRegressionPercent " + Units.percent(maxRegression)));
    }

    /**
     * Formats a change for people, with one decimal as a regression line reads best.
     *
     * @param percent a change in percent
     * @return such as {@code 50.0 %}; small nonzero changes keep two significant digits
     */
    static String deltaText(double percent) {
        return Math.abs(percent) >= 0.1 || percent == 0
                ? String.format(Locale.ROOT, "%.1f %%", percent)
                : Units.percent(percent);
    }
}
