package io.hakmem.budget;

import io.hakmem.budget.fork.ForkProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the Maven plugin asks the forked JVM to run, read from a properties file whose keys
 * {@link ForkProtocol} lists.
 *
 * @param repeat runs per budget
 * @param budgets the budgets, in POM order
 */
record BudgetRequest(int repeat, List<Entry> budgets) {

    /**
     * @param name the budget name
     * @param workload a built-in name or a class name
     * @param parameters the POM parameters
     */
    record Entry(String name, String workload, Map<String, String> parameters) {}

    static BudgetRequest from(Properties properties) {
        int repeat = Integer.parseInt(required(properties, ForkProtocol.REPEAT));
        int count = Integer.parseInt(required(properties, ForkProtocol.BUDGETS));
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, was " + repeat);
        }
        List<Entry> budgets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            budgets.add(entry(properties, i));
        }
        return new BudgetRequest(repeat, List.copyOf(budgets));
    }

    private static Entry entry(Properties properties, int budget) {
        String parameterPrefix = ForkProtocol.parameterPrefix(budget);
        Map<String, String> parameters = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(parameterPrefix)) {
                parameters.put(key.substring(parameterPrefix.length()), properties.getProperty(key));
            }
        }
        return new Entry(
                required(properties, ForkProtocol.budgetKey(budget, ForkProtocol.NAME)),
                required(properties, ForkProtocol.budgetKey(budget, ForkProtocol.WORKLOAD)),
                Map.copyOf(parameters));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("budget request has no '" + key + "'");
        }
        return value;
    }
}
