package io.hakmem.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * {@code hakmem-baseline.json}: each budget's median figures from a run that was accepted, meant to
 * be committed. {@code hakmem:budget} compares every budget with its entry here, so a regression
 * under a generous limit still shows.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.read(Path.of("hakmem-baseline.json"));
 * Baseline.Entry entry = baseline.entry("small-17"); // null when the budget is not in it
 * double resident = entry.value(Figure.RESIDENT);
 * }</pre>
 *
 * @param java the Java version that measured it
 * @param entries the budgets by name, in the order written
 */
@NullMarked
public record Baseline(String java, Map<String, Entry> entries) {

    /** The format version written into the file. */
    public static final int FORMAT = 1;

    /** Copies the entries, keeping their order. */
    public Baseline {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * One budget's accepted figures.
     *
     * @param workload the workload it ran
     * @param parameters the parameters it ran with
     * @param values the median of each figure the run measured
     */
    public record Entry(String workload, Map<String, String> parameters, Map<Figure, Double> values) {

        /** Copies the maps. */
        public Entry {
            parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
            values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
        }

        /**
         * One figure's accepted median.
         *
         * @param figure the figure
         * @return the value, NaN when the baseline run did not measure it
         */
        public double value(Figure figure) {
            Double value = values.get(figure);
            return value == null ? Double.NaN : value;
        }
    }

    /**
     * Looks a budget up.
     *
     * @param budget a budget name
     * @return its entry, or null when the baseline does not know it
     */
    public @Nullable Entry entry(String budget) {
        return entries.get(budget);
    }

    /**
     * Takes the medians of a run as a baseline.
     *
     * @param results budgets that ran; those without runs are left out
     * @param java the Java version that ran them
     * @return the baseline
     */
    public static Baseline of(List<BudgetResult> results, String java) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (BudgetResult result : results) {
            if (result.runs().isEmpty()) {
                continue;
            }
            Map<Figure, Double> values = new EnumMap<>(Figure.class);
            for (Figure figure : Figure.values()) {
                double median = result.median(figure);
                if (!Double.isNaN(median)) {
                    values.put(figure, median);
                }
            }
            entries.put(
                    result.spec().name(),
                    new Entry(result.spec().workload(), result.spec().parameters(), values));
        }
        return new Baseline(java, entries);
    }

    /**
     * This baseline with another's entries added or replaced, so that a run of some budgets
     * ({@code -Dhakmem.budgets=...}) updates only theirs.
     *
     * @param newer the entries that win
     * @return the merged baseline, with newer's Java version
     */
    public Baseline updatedWith(Baseline newer) {
        Map<String, Entry> merged = new LinkedHashMap<>(entries);
        merged.putAll(newer.entries);
        return new Baseline(newer.java, merged);
    }

    /**
     * Reads a baseline file.
     *
     * @param file the file
     * @return its contents
     * @throws IOException if it cannot be read, or is not a baseline (the message names the file
     *     and the problem)
     */
    public static Baseline read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + " is not a hakmem baseline: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a baseline from its JSON text.
     *
     * @param json the text
     * @return the baseline
     * @throws IllegalArgumentException if the text is not a baseline
     */
    public static Baseline parse(String json) {
        if (!(Json.parse(json) instanceof Map<?, ?> root) || !(root.get("budgets") instanceof Map<?, ?> budgets)) {
            throw new IllegalArgumentException("expected an object with a \"budgets\" object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> budget : budgets.entrySet()) {
            if (!(budget.getValue() instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("budget \"" + budget.getKey() + "\" is not an object");
            }
            Map<String, String> parameters = new TreeMap<>();
            if (fields.get("parameters") instanceof Map<?, ?> map) {
                map.forEach((key, value) -> parameters.put(String.valueOf(key), String.valueOf(value)));
            }
            Map<Figure, Double> values = new EnumMap<>(Figure.class);
            for (Figure figure : Figure.values()) {
                if (fields.get(figure.key()) instanceof Double value) {
                    values.put(figure, value);
                }
            }
            entries.put(
                    String.valueOf(budget.getKey()),
                    new Entry(String.valueOf(fields.get("workload")), parameters, values));
        }
        return new Baseline(root.get("java") == null ? "" : String.valueOf(root.get("java")), entries);
    }

    /**
     * Writes this baseline as JSON: one budget per block, keys in a fixed order, so that a
     * change reads well in a diff.
     *
     * @return the JSON document
     */
    public String render() {
        StringJoiner budgets = new StringJoiner(",\n", "{\n", "\n  }");
        entries.forEach((name, entry) -> {
            StringJoiner fields = new StringJoiner(",\n      ", "{\n      ", "\n    }");
            fields.add("\"workload\": " + Json.string(entry.workload()));
            StringJoiner parameters = new StringJoiner(", ", "{", "}");
            entry.parameters().forEach((key, value) -> parameters.add(Json.string(key) + ": " + Json.string(value)));
            fields.add("\"parameters\": " + parameters);
            entry.values()
                    .forEach((figure, value) -> fields.add(Json.string(figure.key()) + ": " + Json.number(value)));
            budgets.add("    " + Json.string(name) + ": " + fields);
        });
        return "{\n"
                + "  \"format\": " + FORMAT + ",\n"
                + "  \"about\": \"Written by mvn hakmem:baseline; hakmem:budget compares each budget with it. Commit it.\",\n"
                + "  \"java\": " + Json.string(java) + ",\n"
                + "  \"budgets\": " + (entries.isEmpty() ? "{}" : budgets) + "\n"
                + "}\n";
    }
}
