package io.hakmem.maven;

import io.hakmem.budget.fork.RunFigures;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The budget table for the build log, in plain ASCII so it survives any console and CI log.
 *
 * <pre>{@code
 * ConsoleTable.render(report).forEach(log::info);
 * }</pre>
 */
@NullMarked
public final class ConsoleTable {

    static final List<String> HEADER = List.of(
            "Budget",
            "Workload",
            "Live",
            "Resident",
            "Overhead",
            "Limit",
            "Retained",
            "Max retained",
            "RSS delta",
            "Mapped",
            "vs baseline",
            "Result");

    private ConsoleTable() {}

    /**
     * Renders the budgets as a plain-text table for the build log.
     *
     * @param report the budgets
     * @return the lines of the table: header, rule, one row per budget
     */
    public static List<String> render(BudgetReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BudgetOutcome outcome : report.outcomes()) {
            rows.add(row(outcome));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(format(rows.get(i), widths));
            if (i == 0) {
                lines.add(rule(widths));
            }
        }
        return lines;
    }

    static List<String> row(BudgetOutcome outcome) {
        BudgetResult result = outcome.result();
        BudgetSpec spec = result.spec();
        RunFigures median = result.medianRun().orElse(null);
        return List.of(
                spec.name(),
                spec.workload(),
                median == null ? "n/a" : Units.bytes(median.liveBytes()),
                cell(result, Figure.RESIDENT),
                cell(result, Figure.OVERHEAD),
                limit(spec, Figure.OVERHEAD),
                cell(result, Figure.RETAINED),
                limit(spec, Figure.RETAINED),
                cell(result, Figure.RSS_DELTA),
                cell(result, Figure.MAPPED),
                baseline(outcome),
                outcome.status().name());
    }

    private static String cell(BudgetResult result, Figure figure) {
        return figure.format(result.median(figure));
    }

    private static String limit(BudgetSpec spec, Figure figure) {
        Double limit = spec.limit(figure);
        return limit == null ? "-" : figure.format(limit);
    }

    /** Resident and retained over the baseline, the two figures maxRegressionPercent gates. */
    private static String baseline(BudgetOutcome outcome) {
        if (outcome.baseline() == null) {
            return "-";
        }
        return signed(outcome.deltaPercent(Figure.RESIDENT)) + " / " + signed(outcome.deltaPercent(Figure.RETAINED));
    }

    static String signed(double percent) {
        if (Double.isNaN(percent)) {
            return "n/a";
        }
        if (Double.isInfinite(percent)) {
            return "+inf %";
        }
        return (percent > 0 ? "+" : "") + BudgetEvaluator.deltaText(percent);
    }

    private static String format(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            boolean leftAligned = column < 2 || column == cells.size() - 1;
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(column == 0 ? "" : " | ").append(leftAligned ? cell + padding : padding + cell);
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            line.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
        }
        return line.toString();
    }
}
