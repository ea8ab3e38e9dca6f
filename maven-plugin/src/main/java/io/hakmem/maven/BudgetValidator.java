package io.hakmem.maven;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Checks the POM's budgets before anything is forked, and names the field and the value of every
 * problem: missing names, duplicate names, unknown workloads, classes that are not usable
 * workloads, limits that are negative, non-finite or not a size, unknown levels, budgets that gate
 * nothing, and parameters a workload does not declare (built-ins, and classes annotated with
 * {@code @WorkloadParameters}).
 *
 * <pre>{@code
 * List<BudgetSpec> specs = new BudgetValidator(catalog, inspector).validate(mojoBudgets, 10.0);
 * }</pre>
 */
@NullMarked
public final class BudgetValidator {

    private final WorkloadCatalog catalog;
    private final WorkloadClassInspector inspector;

    /**
     * Creates a validator over the built-in and user workloads.
     *
     * @param catalog the built-in workloads
     * @param inspector looks user workload classes up on the test classpath
     */
    public BudgetValidator(WorkloadCatalog catalog, WorkloadClassInspector inspector) {
        this.catalog = catalog;
        this.inspector = inspector;
    }

    /**
     * Checks every budget before anything is forked.
     *
     * @param budgets the budgets from the POM
     * @param defaultRegressionPercent {@code hakmem.maxRegressionPercent}, for budgets that set none;
     *     null for none
     * @return the same budgets, checked
     * @throws BudgetConfigurationException listing every problem found
     */
    public List<BudgetSpec> validate(List<Budget> budgets, @Nullable Double defaultRegressionPercent)
            throws BudgetConfigurationException {
        List<String> problems = new ArrayList<>();
        List<BudgetSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < budgets.size(); i++) {
            Budget budget = budgets.get(i);
            String field = "budgets[" + i + "]";
            String name = budget.getName();
            if (name == null || name.isBlank()) {
                problems.add(field + ".name: every budget needs a name");
                name = "#" + i;
            } else if (!names.add(name)) {
                problems.add(field + ".name: '" + name + "' is used by another budget");
            }
            String prefix = field + " '" + name + "'";
            Map<Figure, Double> limits = limits(prefix, budget, problems);
            Double regression = budget.getMaxRegressionPercent() == null
                    ? defaultRegressionPercent
                    : percent(prefix + ".maxRegressionPercent", budget.getMaxRegressionPercent(), problems);
            Level level = level(prefix, budget.getLevel(), problems);
            boolean limitSet = java.util.Arrays.stream(Figure.values()).anyMatch(f -> budget.getLimit(f) != null);
            if (!limitSet && regression == null && budget.getMaxRegressionPercent() == null) {
                problems.add(prefix + ": set a limit (" + String.join(", ", limitNames())
                        + ") or maxRegressionPercent; a budget without a limit gates nothing");
            }
            String workload = budget.getWorkload();
            if (workload == null || workload.isBlank()) {
                problems.add(prefix + ".workload: missing; use one of " + catalog.names() + " or a class name");
                continue;
            }
            checkWorkload(prefix, workload.trim(), budget.getParameters(), problems);
            specs.add(new BudgetSpec(name, workload.trim(), budget.getParameters(), limits, level, regression));
        }
        if (!problems.isEmpty()) {
            throw new BudgetConfigurationException(problems);
        }
        return specs;
    }

    private static Map<Figure, Double> limits(String prefix, Budget budget, List<String> problems) {
        Map<Figure, Double> limits = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            String text = budget.getLimit(figure);
            if (text == null) {
                continue;
            }
            String field = prefix + "." + figure.limitName();
            if (figure.isBytes()) {
                try {
                    limits.put(figure, (double) Units.parseBytes(text));
                } catch (IllegalArgumentException e) {
                    problems.add(field + ": " + e.getMessage());
                }
            } else {
                Double percent = percent(field, text, problems);
                if (percent != null) {
                    limits.put(figure, percent);
                }
            }
        }
        return limits;
    }

    private static @Nullable Double percent(String field, String text, List<String> problems) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            problems.add(field + ": must be a number of percent such as 10 or 2.5, was '" + text + "'");
            return null;
        }
        if (!Double.isFinite(value)) {
            // Infinity would pass every comparison and then break the table's and chart's arithmetic.
            problems.add(field + ": must be a finite number, was " + text.trim());
            return null;
        }
        if (value < 0) {
            problems.add(field + ": must be 0 or more, was " + text.trim());
            return null;
        }
        return value;
    }

    private static Level level(String prefix, @Nullable String text, List<String> problems) {
        if (text == null) {
            return Level.FAIL;
        }
        try {
            return Level.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(prefix + ".level: " + e.getMessage());
            return Level.FAIL;
        }
    }

    private static List<String> limitNames() {
        return java.util.Arrays.stream(Figure.values()).map(Figure::limitName).toList();
    }

    private void checkWorkload(String prefix, String workload, Map<String, String> parameters, List<String> problems) {
        List<String> known = catalog.parametersOf(workload);
        if (known != null) {
            checkBuiltInParameters(prefix, workload, known, parameters, problems);
            return;
        }
        switch (inspector.inspect(workload)) {
            case NOT_FOUND ->
                problems.add(prefix + ".workload: '" + workload + "' is neither a built-in workload " + catalog.names()
                        + " nor a class on the test classpath");
            case NOT_A_WORKLOAD ->
                problems.add(prefix + ".workload: class " + workload + " does not implement "
                        + WorkloadClassInspector.WORKLOAD_INTERFACE.replace('/', '.'));
            case NOT_INSTANTIABLE ->
                problems.add(prefix + ".workload: class " + workload
                        + " must be public and concrete with a public no-argument constructor");
            case USABLE ->
                inspector
                        .declaredParameters(workload)
                        .ifPresent(
                                declared -> checkDeclaredParameters(prefix, workload, declared, parameters, problems));
        }
    }

    private static void checkBuiltInParameters(
            String prefix, String workload, List<String> known, Map<String, String> parameters, List<String> problems) {
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            String field = prefix + ".parameters." + parameter.getKey();
            if (!known.contains(parameter.getKey())) {
                problems.add(field + ": workload '" + workload + "' has no such parameter; it knows " + known);
            } else if (!isInteger(parameter.getValue())) {
                problems.add(field + ": must be an integer, was '" + parameter.getValue() + "'");
            }
        }
    }

    private static void checkDeclaredParameters(
            String prefix,
            String workload,
            List<String> declared,
            Map<String, String> parameters,
            List<String> problems) {
        for (String parameter : new TreeMap<>(parameters).keySet()) {
            if (!declared.contains(parameter)) {
                problems.add(prefix + ".parameters." + parameter + ": workload " + workload
                        + " never reads it; it declares " + declared);
            }
        }
    }

    /** The same rule as the runner's: digits, an optional minus, underscores between digits. */
    static boolean isInteger(String value) {
        try {
            Long.parseLong(value.trim().replace("_", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
