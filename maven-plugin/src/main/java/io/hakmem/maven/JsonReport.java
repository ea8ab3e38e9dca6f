package io.hakmem.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * {@code budget-report.json}: every budget with its limits, median figures, every run, and its
 * violations. Unknown figures are {@code null}.
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
        fields.add(field("maxOverheadPercent", nullable(spec.maxOverheadPercent())));
        fields.add(field("maxRetainedBytes", nullable(spec.maxRetainedBytes())));
        fields.add(field("liveBytes", median == null ? "null" : Long.toString(median.liveBytes())));
        fields.add(field("residentBytes", median == null ? "null" : Long.toString(median.residentBytes())));
        fields.add(field("mappedBytes", median == null ? "null" : Long.toString(median.mappedBytes())));
        fields.add(field("overheadPercent", Json.number(result.overheadPercent())));
        fields.add(field("retainedBytes", result.runs().isEmpty() ? "null" : Long.toString(result.medianRetainedBytes())));
        fields.add(field("rssDeltaBytes", median == null || median.rssDeltaBytes() < 0 ? "null"
                : Long.toString(median.rssDeltaBytes())));
        fields.add(field("rssOverheadPercent", median == null ? "null" : Json.number(median.rssOverheadPercent())));
        fields.add(field("passed", Boolean.toString(outcome.passed())));
        fields.add(field("error", result.error() == null ? "null" : Json.string(result.error())));
        fields.add(field("violations", strings(outcome.violations().stream().map(Violation::message).toList())));
        fields.add(field("runs", runs(result.runs())));
        return "    {\n      " + String.join(",\n      ", fields) + "\n    }";
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
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
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
