package io.hakmem.maven;

import io.hakmem.budget.fork.ForkProtocol;
import io.hakmem.budget.fork.RunFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.NullMarked;

/**
 * Reads the result file of the fork (written by {@code io.hakmem.budget.ResultFile}), whose keys
 * {@link ForkProtocol} lists.
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
        for (int i = 0; properties.containsKey(ForkProtocol.configErrorKey(i)); i++) {
            errors.add(properties.getProperty(ForkProtocol.configErrorKey(i)));
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
        long count = number(properties, ForkProtocol.BUDGETS);
        if (count != specs.size()) {
            throw new IllegalArgumentException(
                    "result file lists " + count + " budgets, expected " + specs.size() + " as requested");
        }
        List<BudgetResult> results = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            String name = properties.getProperty(ForkProtocol.budgetKey(i, ForkProtocol.NAME));
            if (!specs.get(i).name().equals(name)) {
                throw new IllegalArgumentException("result file lists budget " + i + " as '" + name + "', expected '"
                        + specs.get(i).name() + "'");
            }
            int runs = Integer.parseInt(properties.getProperty(ForkProtocol.budgetKey(i, ForkProtocol.RUNS), "0"));
            List<RunFigures> figures = new ArrayList<>(runs);
            for (int run = 0; run < runs; run++) {
                figures.add(run(properties, i, run));
            }
            results.add(new BudgetResult(
                    specs.get(i), figures, properties.getProperty(ForkProtocol.budgetKey(i, ForkProtocol.ERROR))));
        }
        return results;
    }

    private static RunFigures run(Properties properties, int budget, int run) {
        return new RunFigures(
                number(properties, ForkProtocol.runKey(budget, run, ForkProtocol.LIVE_BYTES)),
                number(properties, ForkProtocol.runKey(budget, run, ForkProtocol.RESIDENT_BYTES)),
                number(properties, ForkProtocol.runKey(budget, run, ForkProtocol.MAPPED_BYTES)),
                number(properties, ForkProtocol.runKey(budget, run, ForkProtocol.RETAINED_BYTES)),
                number(properties, ForkProtocol.runKey(budget, run, ForkProtocol.RSS_DELTA_BYTES)),
                number(properties, ForkProtocol.runKey(budget, run, ForkProtocol.ELAPSED_NANOS)));
    }

    private static long number(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("result file has no '" + key + "'");
        }
        return Long.parseLong(value);
    }
}
