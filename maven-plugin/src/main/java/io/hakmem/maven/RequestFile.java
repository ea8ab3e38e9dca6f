package io.hakmem.maven;

import io.hakmem.budget.fork.ForkProtocol;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.NullMarked;

/**
 * Writes the budget request that the forked {@code BudgetRunnerMain} reads, as properties whose
 * keys {@link ForkProtocol} lists.
 *
 * <pre>{@code
 * Properties request = RequestFile.of(specs, 3);
 * }</pre>
 */
@NullMarked
public final class RequestFile {

    private RequestFile() {}

    /**
     * Builds the request file that tells the fork what to run.
     *
     * @param budgets the budgets, in order
     * @param repeat runs per budget
     * @return the request
     */
    public static Properties of(List<BudgetSpec> budgets, int repeat) {
        Properties properties = new Properties();
        properties.setProperty(ForkProtocol.REPEAT, Integer.toString(repeat));
        properties.setProperty(ForkProtocol.BUDGETS, Integer.toString(budgets.size()));
        for (int i = 0; i < budgets.size(); i++) {
            BudgetSpec budget = budgets.get(i);
            properties.setProperty(ForkProtocol.budgetKey(i, ForkProtocol.NAME), budget.name());
            properties.setProperty(ForkProtocol.budgetKey(i, ForkProtocol.WORKLOAD), budget.workload());
            for (Map.Entry<String, String> parameter : budget.parameters().entrySet()) {
                properties.setProperty(ForkProtocol.parameterPrefix(i) + parameter.getKey(), parameter.getValue());
            }
        }
        return properties;
    }
}
