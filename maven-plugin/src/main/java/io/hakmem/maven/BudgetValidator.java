package io.hakmem.maven;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.NullMarked;

/**
 * Checks the POM's budgets before anything is forked, and names the field of every problem:
 * missing names, duplicate names, unknown workloads, classes that are not usable workloads,
 * negative or non-finite limits, budgets without a limit, and unknown or non-integer parameters of built-ins.
 *
 * <pre>{@code
 * List<BudgetSpec> specs = new BudgetValidator(catalog, inspector).validate(mojoBudgets);
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
     * @return the same budgets, checked
     * @throws BudgetConfigurationException listing every problem found
     */
    public List<BudgetSpec> validate(List<Budget> budgets) throws BudgetConfigurationException {
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
            checkLimits(prefix, budget, problems);
            String workload = budget.getWorkload();
            if (workload == null || workload.isBlank()) {
                problems.add(prefix + ".workload: missing; use one of " + catalog.names() + " or a class name");
                continue;
            }
            checkWorkload(prefix, workload.trim(), budget.getParameters(), problems);
            specs.add(new BudgetSpec(name, workload.trim(), budget.getParameters(), budget.getMaxOverheadPercent(),
                    budget.getMaxRetainedBytes()));
        }
        if (!problems.isEmpty()) {
            throw new BudgetConfigurationException(problems);
        }
        return specs;
    }

    private static void checkLimits(String prefix, Budget budget, List<String> problems) {
        Double overhead = budget.getMaxOverheadPercent();
        Long retained = budget.getMaxRetainedBytes();
        if (overhead != null && !Double.isFinite(overhead)) {
            // Infinity would pass every comparison and then break the table's and chart's arithmetic.
            problems.add(prefix + ".maxOverheadPercent: must be a finite number, was " + overhead);
        } else if (overhead != null && overhead < 0) {
            problems.add(prefix + ".maxOverheadPercent: must be 0 or more, was " + overhead);
        }
        if (retained != null && retained < 0) {
            problems.add(prefix + ".maxRetainedBytes: must be 0 or more, was " + retained);
        }
        if (overhead == null && retained == null) {
            problems.add(prefix + ": set maxOverheadPercent or maxRetainedBytes; a budget without a limit gates nothing");
        }
    }

    private void checkWorkload(String prefix, String workload, Map<String, String> parameters, List<String> problems) {
        List<String> known = catalog.parametersOf(workload);
        if (known != null) {
            checkBuiltInParameters(prefix, workload, known, parameters, problems);
            return;
        }
        switch (inspector.inspect(workload)) {
            case NOT_FOUND -> problems.add(prefix + ".workload: '" + workload + "' is neither a built-in workload "
                    + catalog.names() + " nor a class on the test classpath");
            case NOT_A_WORKLOAD -> problems.add(prefix + ".workload: class " + workload + " does not implement "
                    + WorkloadClassInspector.WORKLOAD_INTERFACE.replace('/', '.'));
            case NOT_INSTANTIABLE -> problems.add(prefix + ".workload: class " + workload
                    + " must be public and concrete with a public no-argument constructor");
            case USABLE -> { }
        }
    }

    private static void checkBuiltInParameters(String prefix, String workload, List<String> known,
            Map<String, String> parameters, List<String> problems) {
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            String field = prefix + ".parameters." + parameter.getKey();
            if (!known.contains(parameter.getKey())) {
                problems.add(field + ": workload '" + workload + "' has no such parameter; it knows " + known);
            } else if (!isInteger(parameter.getValue())) {
                problems.add(field + ": must be an integer, was '" + parameter.getValue() + "'");
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
