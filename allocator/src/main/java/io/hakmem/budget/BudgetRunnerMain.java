package io.hakmem.budget;

import io.hakmem.HakmemArena;
import io.hakmem.budget.fork.ForkProtocol;
import io.hakmem.budget.fork.RunFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the JVM that {@code hakmem:budget} forks. It reads a budget request, checks
 * every budget's workload before running any, runs each budget {@code repeat} times on fresh
 * arenas, prints one progress line per run and writes the figures to a result file.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp test-classes:hakmem-allocator.jar \
 *     io.hakmem.budget.BudgetRunnerMain request.properties results.properties
 * }</pre>
 *
 * <p>A workload that throws, even an {@link Error}, fails its own budget and the next one runs;
 * processes a workload started are killed when this JVM exits.
 *
 * <p>A POM parameter that the workload never asks for is a misspelling until proven otherwise:
 * after the first run, the request is rejected naming it and the parameters the workload did read.
 *
 * <p>Exit status: 0 when every budget was run (a workload that threw is reported in the result
 * file), 2 when the request was rejected (the reasons are in the result file), 64 for bad
 * arguments. These statuses, the files' keys and the lines the plugin looks for are defined once,
 * in {@code io.hakmem.budget.fork.ForkProtocol}, which the plugin loads too.
 */
@NullMarked
public final class BudgetRunnerMain {

    private static final int MAX_CAUSE_LENGTH = 300;

    private BudgetRunnerMain() {}

    /**
     * Runs the budgets a request file names and writes their figures to a result file.
     *
     * @param args the request file and the result file
     * @throws IOException if either file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BudgetRunnerMain <request.properties> <results.properties>");
            System.exit(ForkProtocol.EXIT_USAGE);
        }
        // A process a workload started must not outlive this JVM, whether it ends here or in a
        // workload's System.exit; the plugin's timeout covers the case where it never ends.
        Runtime.getRuntime().addShutdownHook(new Thread(BudgetRunnerMain::destroyDescendants, "hakmem-reaper"));
        System.out.println(ForkProtocol.STARTED_LINE);
        System.out.flush();
        int status = run(Path.of(args[0]), Path.of(args[1]), System.out);
        System.exit(status);
    }

    private static void destroyDescendants() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Describes a workload's failure in one line: the class and the first line of the message,
     * and the root cause if there is one; never the stack, which goes to the fork's log.
     *
     * @param failure what a workload threw
     * @return one line of at most {@value #MAX_CAUSE_LENGTH} characters
     */
    static String describe(Throwable failure) {
        StringBuilder cause = new StringBuilder(oneLine(failure));
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        if (root != failure) {
            cause.append(" (caused by ").append(oneLine(root)).append(')');
        }
        return cause.length() <= MAX_CAUSE_LENGTH ? cause.toString() : cause.substring(0, MAX_CAUSE_LENGTH - 3) + "...";
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        String name = failure.getClass().getName();
        return message == null || message.isBlank()
                ? name
                : name + ": " + message.strip().lines().findFirst().orElse("");
    }

    static int run(Path requestFile, Path resultFile, PrintStream out) throws IOException {
        BudgetRequest request = BudgetRequest.from(load(requestFile));
        ResultFile results = new ResultFile();
        results.budgetCount(request.budgets().size());
        List<Workload> workloads = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ClassLoader loader = BudgetRunnerMain.class.getClassLoader();
        for (BudgetRequest.Entry entry : request.budgets()) {
            try {
                workloads.add(WorkloadRegistry.create(entry.name(), entry.workload(), entry.parameters(), loader));
            } catch (IllegalArgumentException | LinkageError e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            results.configErrors(problems);
            results.writeTo(resultFile);
            return ForkProtocol.EXIT_CONFIG_ERROR;
        }
        warmUp();
        for (int i = 0; i < workloads.size(); i++) {
            String unread = runBudget(i, request, workloads.get(i), results, out);
            if (unread != null) {
                ResultFile rejected = new ResultFile();
                rejected.configErrors(List.of(unread));
                rejected.writeTo(resultFile);
                return ForkProtocol.EXIT_CONFIG_ERROR;
            }
        }
        results.writeTo(resultFile);
        return 0;
    }

    /** Runs one budget; returns the message for parameters its workload never read, else null. */
    private static @Nullable String runBudget(
            int index, BudgetRequest request, Workload workload, ResultFile results, PrintStream out) {
        BudgetRequest.Entry entry = request.budgets().get(index);
        List<RunFigures> runs = new ArrayList<>();
        for (int run = 1; run <= request.repeat(); run++) {
            try {
                Set<String> read = new TreeSet<>();
                RunFigures result = BudgetRunner.runOnce(entry.name(), workload, entry.parameters(), read);
                Set<String> unread = new TreeSet<>(entry.parameters().keySet());
                unread.removeAll(read);
                if (!unread.isEmpty()) {
                    return "budget '" + entry.name() + "': workload " + entry.workload() + " never read the"
                            + (unread.size() == 1 ? " parameter " : " parameters ") + unread + "; it read "
                            + read + " (a misspelling in <parameters>?)";
                }
                runs.add(result);
                out.printf(
                        Locale.ROOT,
                        "%sbudget '%s' run %d of %d: %.2f s, overhead %.1f %%%n",
                        ForkProtocol.PROGRESS_PREFIX,
                        entry.name(),
                        run,
                        request.repeat(),
                        result.elapsedNanos() / 1e9,
                        result.overheadPercent());
            } catch (Throwable e) {
                // Errors too (OutOfMemoryError, StackOverflowError): they end this budget, not the
                // JVM, so the budgets after it still run and this one still gets a result.
                String cause = describe(e);
                results.error(index, cause);
                out.printf(
                        Locale.ROOT,
                        "%sbudget '%s' run %d of %d failed: %s%n",
                        ForkProtocol.PROGRESS_PREFIX,
                        entry.name(),
                        run,
                        request.repeat(),
                        cause);
                e.printStackTrace(out);
                break;
            } finally {
                out.flush();
            }
        }
        results.budget(index, entry, runs);
        return null;
    }

    /** Loads the allocator's classes before the first RSS baseline, so they do not count as overhead. */
    private static void warmUp() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment[] blocks = new MemorySegment[20_000];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = arena.allocate(16 + (i % 64) * 16L);
            }
            for (MemorySegment block : blocks) {
                arena.free(block);
            }
            arena.trim();
            arena.stats();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
