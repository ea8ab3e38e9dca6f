package io.hakmem.maven;

import io.hakmem.budget.fork.ForkProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;

/**
 * Runs each budget in a JVM of its own and reads back its figures. A workload that takes its JVM
 * down (an {@link Error} that escapes, {@code System.exit}, a crash) or hangs past the timeout
 * fails its own budget, with a one-line cause; the budgets after it still run. The fork's progress
 * lines go to a callback as they come, so a long gate never looks hung; all of its output also
 * goes to {@code fork.log} in the work directory.
 *
 * <pre>{@code
 * List<BudgetResult> results = new ForkedRunner(settings).run(specs, 3, log::info);
 * }</pre>
 */
@NullMarked
public final class ForkedRunner {

    /** The fork's log, with the output of every budget's JVM. */
    static final String LOG = "fork.log";

    /** Every file this runner writes into the work directory, so a new run can clear old ones. */
    static final List<String> WORK_FILES = List.of(
            LOG, "budget-request.properties", "budget-results.properties", "fork-classpath.args", "fork-command.txt");

    private static final int TAIL_LINES = 40;
    private static final int FIRST_SIGNAL_STATUS = 128;

    private final ForkSettings settings;

    /**
     * Creates a runner for one fork configuration.
     *
     * @param settings the java, classpath and limits of the fork
     */
    public ForkedRunner(ForkSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs each budget in a forked JVM of its own and collects their figures.
     *
     * @param specs the budgets
     * @param repeat runs per budget
     * @param progress receives one line per budget and run, and one per budget whose JVM failed
     * @return one result per budget, in order; a budget whose JVM died or hung has an error and
     *     no runs
     * @throws ForkException if a JVM ends before the runner starts in it (a bad JVM option or
     *     classpath): no budget could run then
     * @throws BudgetConfigurationException if the fork rejects a workload
     * @throws IOException if the work files cannot be written
     */
    public List<BudgetResult> run(List<BudgetSpec> specs, int repeat, Consumer<String> progress)
            throws ForkException, BudgetConfigurationException, IOException {
        Path work = Files.createDirectories(settings.workDirectory());
        Path log = work.resolve(LOG);
        Files.deleteIfExists(log);
        Path argFile = writeClasspathArgFile(work.resolve("fork-classpath.args"));
        List<BudgetResult> results = new ArrayList<>(specs.size());
        for (BudgetSpec spec : specs) {
            results.add(runOne(spec, repeat, work, argFile, log, progress));
        }
        return results;
    }

    /** One JVM per budget: whatever kills or hangs it can take no other budget with it. */
    private BudgetResult runOne(
            BudgetSpec spec, int repeat, Path work, Path argFile, Path log, Consumer<String> progress)
            throws ForkException, BudgetConfigurationException, IOException {
        Path request = work.resolve("budget-request.properties");
        Path results = work.resolve("budget-results.properties");
        Files.deleteIfExists(results);
        try (Writer writer = Files.newBufferedWriter(request, StandardCharsets.UTF_8)) {
            RequestFile.of(List.of(spec), repeat).store(writer, "hakmem budget request");
        }
        List<String> command = command(argFile, request, results);
        Files.writeString(work.resolve("fork-command.txt"), String.join(" ", command), StandardCharsets.UTF_8);
        Fork fork = execute(command, log, "budget '" + spec.name() + "'", progress);
        if (!fork.started()) {
            throw new ForkException("the budget JVM " + fork.describe(settings) + " before it could run budget '"
                    + spec.name() + "'; the last lines of its output (all of it is in " + log + "):\n"
                    + String.join("\n", fork.tail()));
        }
        if (!fork.timedOut() && Files.isRegularFile(results)) {
            Properties properties = load(results);
            List<String> rejected = ForkResults.configErrors(properties);
            if (!rejected.isEmpty()) {
                throw new BudgetConfigurationException(rejected);
            }
            if (fork.status() == 0) {
                return ForkResults.parse(properties, List.of(spec)).get(0);
            }
        }
        String cause = fork.timedOut()
                ? fork.describe(settings)
                : "the budget JVM " + fork.describe(settings) + " before writing results";
        // The fork could not say so itself: say it now, not only in the table at the end.
        progress.accept("budget '" + spec.name() + "' failed: " + cause);
        return new BudgetResult(spec, List.of(), cause);
    }

    List<String> command(Path argFile, Path request, Path results) {
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.add("-Xms" + settings.heap());
        command.add("-Xmx" + settings.heap());
        command.add("-XX:+AlwaysPreTouch");
        command.add("-XX:+UseSerialGC");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(settings.extraArguments());
        command.add("@" + argFile);
        command.add(ForkProtocol.MAIN_CLASS);
        command.add(request.toString());
        command.add(results.toString());
        return command;
    }

    /** A long classpath goes into an argument file; quotes and backslashes are escaped for it. */
    private Path writeClasspathArgFile(Path file) throws IOException {
        String classpath = settings.classpath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        String quoted = "\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Files.writeString(file, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Fork execute(List<String> command, Path log, String header, Consumer<String> progress)
            throws ForkException, IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        AtomicBoolean started = new AtomicBoolean();
        Thread pump = new Thread(() -> pump(process, log, header, progress, tail, started), "hakmem-fork-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                int killed = destroyTree(process.toHandle());
                pump.join(TimeUnit.SECONDS.toMillis(5));
                return new Fork(started.get(), true, -1, killed, snapshot(tail));
            }
            // A process that escaped the runner's reaper may hold the output pipe open: wait, not forever.
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            destroyTree(process.toHandle());
            Thread.currentThread().interrupt();
            throw new ForkException("interrupted while waiting for the budget JVM of " + header);
        }
        return new Fork(started.get(), false, process.exitValue(), 0, snapshot(tail));
    }

    /**
     * Kills a process and every process below it. The tree is listed before the root dies:
     * after that its children belong to init and can no longer be found from it. The root goes
     * first so that it cannot start new ones while the others are killed.
     *
     * @return how many processes below the root were killed
     */
    static int destroyTree(ProcessHandle root) {
        List<ProcessHandle> below = root.descendants().toList();
        root.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        exits.add(root.onExit());
        below.forEach(process -> exits.add(process.onExit()));
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process that takes longer to go is not worth failing the build over.
        }
        return below.size();
    }

    private static void pump(
            Process process,
            Path log,
            String header,
            Consumer<String> progress,
            Deque<String> tail,
            AtomicBoolean started) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer writer = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            writer.write("==== " + header + ", pid " + process.pid() + "\n");
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
                if (line.equals(ForkProtocol.STARTED_LINE)) {
                    started.set(true);
                    continue;
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (line.startsWith(ForkProtocol.PROGRESS_PREFIX)) {
                    progress.accept(line.substring(ForkProtocol.PROGRESS_PREFIX.length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private static Properties load(Path results) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * How one budget's JVM ended.
     *
     * @param started whether the runner got control in it
     * @param timedOut whether it was killed at the timeout
     * @param status its exit status, -1 when killed at the timeout
     * @param killedChildren processes below it killed with it at the timeout
     * @param tail its last lines of output
     */
    private record Fork(boolean started, boolean timedOut, int status, int killedChildren, List<String> tail) {

        String describe(ForkSettings settings) {
            if (timedOut) {
                return "did not finish within " + settings.timeout().toSeconds() + " s (forkTimeoutSeconds); "
                        + (killedChildren == 0
                                ? "the budget JVM was killed"
                                : "the budget JVM and " + killedChildren
                                        + (killedChildren == 1 ? " process" : " processes")
                                        + " it started were killed");
            }
            // Java reports a death by signal N as status 128 + N.
            return "exited with status " + status
                    + (status > FIRST_SIGNAL_STATUS
                            ? " (killed by signal " + (status - FIRST_SIGNAL_STATUS) + ")"
                            : "");
        }
    }
}
