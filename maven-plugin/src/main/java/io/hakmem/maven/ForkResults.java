package io.hakmem.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.NullMarked;

/**
 * Reads the result file of the fork (written by {@code io.hakmem.budget.ResultFile}).
 *
 * <pre>{@code
 * List<String> problems = ForkResults.configErrors(properties);
 * List<BudgetResult> results = ForkResults.parse(properties, specs);
 * }</pre>
 */
@NullMarked
public final class ForkResults {

    private ForkResults() {}

    /**
     * Reads the configuration errors a fork reported instead of running.
     *
     * @param properties the result file
     * @return the reasons the fork rejected the request, empty if it ran
     */
    public static List<String> configErrors(Properties properties) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; properties.containsKey("configError." + i); i++) {
            errors.add(properties.getProperty("configError." + i));
        }
        return errors;
    }

    /**
     * Reads each budget's figures from the fork's result file.
     *
     * @param properties the result file
     * @param specs the budgets that were requested, in order
     * @return one result per budget
     * @throws IllegalArgumentException if the file does not match the request
     */
    public static List<BudgetResult> parse(Properties properties, List<BudgetSpec> specs) {
        List<BudgetResult> results = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            String prefix = "budget." + i + ".";
            String name = properties.getProperty(prefix + "name");
            if (!specs.get(i).name().equals(name)) {
                throw new IllegalArgumentException("result file lists budget " + i + " as '" + name
                        + "', expected '" + specs.get(i).name() + "'");
            }
            int runs = Integer.parseInt(properties.getProperty(prefix + "runs", "0"));
            List<RunFigures> figures = new ArrayList<>(runs);
            for (int run = 0; run < runs; run++) {
                figures.add(run(properties, prefix + "run." + run + "."));
            }
            results.add(new BudgetResult(specs.get(i), figures, properties.getProperty(prefix + "error")));
        }
        return results;
    }

    private static RunFigures run(Properties properties, String prefix) {
        return new RunFigures(number(properties, prefix + "liveBytes"), number(properties, prefix + "residentBytes"),
                number(properties, prefix + "mappedBytes"), number(properties, prefix + "retainedBytes"),
                number(properties, prefix + "rssDeltaBytes"), number(properties, prefix + "elapsedNanos"));
    }

    private static long number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("result file has no '" + key + "'");
        }
        return Long.parseLong(value);
    }
}
