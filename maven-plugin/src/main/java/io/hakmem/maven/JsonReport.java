package io.hakmem.maven;

import io.hakmem.budget.fork.RunFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * {@code budget-report.json}: how the budgets ran (date, commit, JDK, host), and every budget with
 * its status, parameters, limits, median figures, each figure's spread, limit, baseline and delta,
 * every run, its violations and notes. Unknown figures are {@code null}. The site report reads it
 * back.
 *
 * <pre>{@code
 * Files.writeString(directory.resolve("budget-report.json"), JsonReport.render(report));
 * }</pre>
 */
@NullMarked
public final class JsonReport {

    private JsonReport() {}

    /**
     * Renders the budgets as JSON.
     *
     * @param report the budgets
     * @return the JSON document
     */
    public static String render(BudgetReport report) {
        StringJoiner budgets = new StringJoiner(",\n", "[\n", "\n  ]");
        report.outcomes().forEach(outcome -> budgets.add(budget(outcome)));
        return "{\n"
                + "  \"passed\": " + report.passed() + ",\n"
                + "  \"repeat\": " + report.repeat() + ",\n"
                + "  \"java\": " + Json.string(report.javaVersion()) + ",\n"
                + "  \"date\": " + Json.string(report.info().date()) + ",\n"
                + "  \"commit\": " + nullableString(report.info().commit()) + ",\n"
                + "  \"host\": " + Json.string(report.info().host()) + ",\n"
                + "  \"baselineFile\": " + nullableString(report.info().baselineFile()) + ",\n"
                + "  \"budgets\": " + (report.outcomes().isEmpty() ? "[]" : budgets) + "\n"
                + "}\n";
    }

    private static String budget(BudgetOutcome outcome) {
        BudgetResult result = outcome.result();
        BudgetSpec spec = result.spec();
        RunFigures median = result.medianRun().orElse(null);
        List<String> fields = new ArrayList<>();
        fields.add(field("name", Json.string(spec.name())));
        fields.add(field("workload", Json.string(spec.workload())));
        fields.add(field("parameters", parameters(spec.parameters())));
        fields.add(field("level", Json.string(spec.level().name())));
        fields.add(field("status", Json.string(outcome.status().name())));
        for (Figure figure : Figure.values()) {
            fields.add(field(figure.limitName(), nullable(spec.limit(figure))));
        }
        fields.add(field("maxRegressionPercent", nullable(spec.maxRegressionPercent())));
        fields.add(field("liveBytes", median == null ? "null" : Long.toString(median.liveBytes())));
        fields.add(field("residentBytes", median == null ? "null" : Long.toString(median.residentBytes())));
        fields.add(field("mappedBytes", median == null ? "null" : Long.toString(median.mappedBytes())));
        fields.add(field("overheadPercent", Json.number(result.overheadPercent())));
        fields.add(
                field("retainedBytes", result.runs().isEmpty() ? "null" : Long.toString(result.medianRetainedBytes())));
        fields.add(field(
                "rssDeltaBytes",
                median == null || median.rssDeltaBytes() < 0 ? "null" : Long.toString(median.rssDeltaBytes())));
        fields.add(field("rssOverheadPercent", median == null ? "null" : Json.number(median.rssOverheadPercent())));
        fields.add(field("passed", Boolean.toString(outcome.passed())));
        fields.add(field("figures", figures(outcome)));
        fields.add(field("error", result.error() == null ? "null" : Json.string(result.error())));
        fields.add(field(
                "violations",
                strings(outcome.violations().stream().map(Violation::message).toList())));
        fields.add(field("notes", strings(outcome.notes())));
        fields.add(field("runs", runs(result.runs())));
        return "    {\n      " + String.join(",\n      ", fields) + "\n    }";
    }

    private static String figures(BudgetOutcome outcome) {
        StringJoiner figures = new StringJoiner(",\n        ", "{\n        ", "\n      }");
        for (Figure figure : Figure.values()) {
            Spread spread = outcome.result().spread(figure);
            double baseline =
                    outcome.baseline() == null ? Double.NaN : outcome.baseline().value(figure);
            figures.add(Json.string(figure.key()) + ": {\"median\": " + Json.number(spread.median())
                    + ", \"min\": " + Json.number(spread.min()) + ", \"max\": " + Json.number(spread.max())
                    + ", \"limit\": " + nullable(outcome.result().spec().limit(figure))
                    + ", \"baseline\": " + Json.number(baseline)
                    + ", \"deltaPercent\": " + Json.number(outcome.deltaPercent(figure)) + "}");
        }
        return figures.toString();
    }

    private static String nullableString(@Nullable String value) {
        return value == null ? "null" : Json.string(value);
    }

    private static String runs(List<RunFigures> runs) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (RunFigures run : runs) {
            joiner.add("{\"liveBytes\": " + run.liveBytes() + ", \"residentBytes\": " + run.residentBytes()
                    + ", \"mappedBytes\": " + run.mappedBytes() + ", \"retainedBytes\": " + run.retainedBytes()
                    + ", \"rssDeltaBytes\": " + run.rssDeltaBytes() + ", \"overheadPercent\": "
                    + Json.number(run.overheadPercent()) + ", \"elapsedMillis\": " + run.elapsedNanos() / 1_000_000
                    + "}");
        }
        return joiner.toString();
    }

    private static String parameters(Map<String, String> parameters) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        parameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> joiner.add(Json.string(e.getKey()) + ": " + Json.string(e.getValue())));
        return joiner.toString();
    }

    private static String strings(List<String> values) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        values.forEach(value -> joiner.add(Json.string(value)));
        return joiner.toString();
    }

    private static String nullable(@Nullable Number value) {
        return value == null ? "null" : Json.number(value.doubleValue());
    }

    private static String field(String name, String value) {
        return Json.string(name) + ": " + value;
    }
}
