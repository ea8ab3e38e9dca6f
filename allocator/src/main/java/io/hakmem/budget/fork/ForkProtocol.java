package io.hakmem.budget.fork;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * Everything {@code hakmem-maven-plugin} and the forked {@code BudgetRunnerMain} must agree on,
 * written once. Both read and write these names; neither spells a key or a marker line itself.
 *
 * <p>The plugin runs inside Maven, on Java 17, and cannot load the allocator's Java 22 classes.
 * This package alone is compiled a second time for release 17 (see the allocator's POM) and the
 * plugin, which depends on the allocator jar anyway to put it on the fork's classpath, loads it
 * from there. A shared properties file would only have moved the duplication into the code that
 * looks names up in it; a source file compiled into both jars would have put two classes of one
 * name on the plugin's classpath. {@code ForkProtocolTest} in the plugin checks the class
 * version, and the plugin's integration tests run it on Maven's Java 17.
 *
 * <p>The request, written by the plugin:
 *
 * <pre>
 * repeat=3
 * budgets=1
 * budget.0.name=scaling-1M
 * budget.0.workload=scaling
 * budget.0.parameter.blocks=1000000
 * </pre>
 *
 * <p>The result, written by the fork:
 *
 * <pre>
 * budgets=1
 * budget.0.name=scaling-1M
 * budget.0.runs=1
 * budget.0.run.0.liveBytes=16000000
 * budget.0.run.0.residentBytes=...
 * budget.0.error=...            (only when the workload threw)
 * configError.0=...             (only when the request was rejected before any run)
 * </pre>
 *
 * <pre>{@code
 * properties.setProperty(ForkProtocol.budgetKey(0, ForkProtocol.NAME), "scaling-1M");
 * }</pre>
 */
@NullMarked
public final class ForkProtocol {

    /** The fork's main class, in the allocator. */
    public static final String MAIN_CLASS = "io.hakmem.budget.BudgetRunnerMain";

    /**
     * The first line the fork prints, before it reads the request: a fork that ends without it
     * never got as far as running a budget (a bad JVM option or classpath), one that printed it
     * and died took a budget down with it.
     */
    public static final String STARTED_LINE = "[hakmem-runner] started";

    /** Prefixes every progress line the fork prints, so the plugin can tell them from a workload's output. */
    public static final String PROGRESS_PREFIX = "[hakmem] ";

    /** The fork's exit status when the request names a workload or parameter that cannot be used. */
    public static final int EXIT_CONFIG_ERROR = 2;

    /** The fork's exit status when it is not given a request file and a result file. */
    public static final int EXIT_USAGE = 64;

    /** The resource in the allocator jar that lists the built-in workloads and their parameters. */
    public static final String WORKLOADS_RESOURCE = "META-INF/hakmem/workloads.properties";

    /** Request: runs per budget. */
    public static final String REPEAT = "repeat";

    /** Request and result: the number of budgets, numbered from 0. */
    public static final String BUDGETS = "budgets";

    /** A budget's name, under {@link #budgetKey}. */
    public static final String NAME = "name";

    /** Request: a budget's workload, a built-in name or a class name, under {@link #budgetKey}. */
    public static final String WORKLOAD = "workload";

    /** Result: how many runs of a budget completed, under {@link #budgetKey}. */
    public static final String RUNS = "runs";

    /** Result: why a budget's workload failed, under {@link #budgetKey}; absent when it did not. */
    public static final String ERROR = "error";

    /** Result: bytes in users' hands at the peak. */
    public static final String LIVE_BYTES = "liveBytes";

    /** Result: the arena's resident bytes at the peak. */
    public static final String RESIDENT_BYTES = "residentBytes";

    /** Result: the arena's mapped bytes at the peak. */
    public static final String MAPPED_BYTES = "mappedBytes";

    /** Result: what the arena still holds in RAM once the workload returned and {@code trim()} ran. */
    public static final String RETAINED_BYTES = "retainedBytes";

    /** Result: process RSS at the peak minus process RSS just before the run, -1 when unknown. */
    public static final String RSS_DELTA_BYTES = "rssDeltaBytes";

    /** Result: how long the run took, trim included. */
    public static final String ELAPSED_NANOS = "elapsedNanos";

    /** Result: every figure of a run, in the order the plugin's tables show them. */
    public static final List<String> RUN_FIGURES =
            List.of(LIVE_BYTES, RESIDENT_BYTES, MAPPED_BYTES, RETAINED_BYTES, RSS_DELTA_BYTES, ELAPSED_NANOS);

    private static final String PARAMETER = "parameter.";
    private static final String RUN = "run.";
    private static final String CONFIG_ERROR = "configError.";

    private ForkProtocol() {}

    /**
     * The key of one field of a budget.
     *
     * @param budget the budget's number, from 0
     * @param field {@link #NAME}, {@link #WORKLOAD}, {@link #RUNS} or {@link #ERROR}
     * @return e.g. {@code budget.0.name}
     */
    public static String budgetKey(int budget, String field) {
        return budgetPrefix(budget) + field;
    }

    /**
     * The prefix of a budget's POM parameters in the request; the parameter's name follows it.
     *
     * @param budget the budget's number, from 0
     * @return e.g. {@code budget.0.parameter.}
     */
    public static String parameterPrefix(int budget) {
        return budgetPrefix(budget) + PARAMETER;
    }

    /**
     * The key of one figure of one run in the result.
     *
     * @param budget the budget's number, from 0
     * @param run the run's number, from 0
     * @param figure one of {@link #RUN_FIGURES}
     * @return e.g. {@code budget.0.run.0.liveBytes}
     */
    public static String runKey(int budget, int run, String figure) {
        return budgetPrefix(budget) + RUN + run + "." + figure;
    }

    /**
     * The key of one reason the fork rejected the request, numbered from 0 without gaps.
     *
     * @param index the reason's number
     * @return e.g. {@code configError.0}
     */
    public static String configErrorKey(int index) {
        return CONFIG_ERROR + index;
    }

    private static String budgetPrefix(int budget) {
        return "budget." + budget + ".";
    }
}
