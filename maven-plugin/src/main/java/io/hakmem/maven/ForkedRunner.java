package io.hakmem.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;

/**
 * Runs budgets in a forked JVM and reads back their figures. The fork's progress lines go to a
 * callback as they come, so a long gate never looks hung; all of its output also goes to
 * {@code fork.log} in the work directory, and its tail into the message when it fails.
 *
 * <pre>{@code
 * List<BudgetResult> results = new ForkedRunner(settings).run(specs, 3, log::info);
 * }</pre>
 */
@NullMarked
public final class ForkedRunner {

    /** The prefix of the fork's progress lines, as printed by {@code BudgetRunnerMain}. */
    static final String PROGRESS_PREFIX = "[hakmem] ";

    /** The exit status with which the fork rejects a request. */
    static final int EXIT_CONFIG_ERROR = 2;

    private static final int TAIL_LINES = 40;

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
     * Runs the budgets in one forked JVM and collects their figures.
     *
     * @param specs the budgets
     * @param repeat runs per budget
     * @param progress receives one line per budget and run
     * @return one result per budget
     * @throws ForkException if the fork crashes, times out or leaves no results
     * @throws BudgetConfigurationException if the fork rejects a workload
     * @throws IOException if the work files cannot be written
     */
    public List<BudgetResult> run(List<BudgetSpec> specs, int repeat, Consumer<String> progress)
            throws ForkException, BudgetConfigurationException, IOException {
        Path work = Files.createDirectories(settings.workDirectory());
        Path request = work.resolve("budget-request.properties");
        Path results = work.resolve("budget-results.properties");
        Files.deleteIfExists(results);
        try (Writer writer = Files.newBufferedWriter(request, StandardCharsets.UTF_8)) {
            RequestFile.of(specs, repeat).store(writer, "hakmem budget request");
        }
        Path argFile = writeClasspathArgFile(work.resolve("fork-classpath.args"));
        List<String> command = command(argFile, request, results);
        Files.writeString(work.resolve("fork-command.txt"), String.join(" ", command), StandardCharsets.UTF_8);
        int status = execute(command, work.resolve("fork.log"), progress);
        Properties properties = load(results, status);
        List<String> rejected = ForkResults.configErrors(properties);
        if (!rejected.isEmpty()) {
            throw new BudgetConfigurationException(rejected);
        }
        return ForkResults.parse(properties, specs);
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
        command.add(ForkSettings.MAIN_CLASS);
        command.add(request.toString());
        command.add(results.toString());
        return command;
    }

    /** A long classpath goes into an argument file; quotes and backslashes are escaped for it. */
    private Path writeClasspathArgFile(Path file) throws IOException {
        String classpath = settings.classpath().stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        String quoted = "\"" + classpath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Files.writeString(file, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private int execute(List<String> command, Path log, Consumer<String> progress) throws ForkException, IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = new Thread(() -> pump(process, log, progress, tail), "hakmem-fork-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                pump.join(TimeUnit.SECONDS.toMillis(5));
                throw new ForkException("the budget JVM did not finish within " + settings.timeout().toSeconds()
                        + " s (forkTimeoutSeconds) and was killed" + tailOf(tail, log));
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ForkException("interrupted while waiting for the budget JVM");
        }
        int status = process.exitValue();
        if (status != 0 && status != EXIT_CONFIG_ERROR) {
            throw new ForkException("the budget JVM exited with status " + status + tailOf(tail, log));
        }
        return status;
    }

    private static void pump(Process process, Path log, Consumer<String> progress, Deque<String> tail) {
        try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (line.startsWith(PROGRESS_PREFIX)) {
                    progress.accept(line.substring(PROGRESS_PREFIX.length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tailOf(Deque<String> tail, Path log) {
        synchronized (tail) {
            return "; the last lines of its output (all of it is in " + log + "):\n" + String.join("\n", tail);
        }
    }

    private static Properties load(Path results, int status) throws ForkException, IOException {
        if (!Files.isRegularFile(results)) {
            throw new ForkException("the budget JVM exited with status " + status + " but wrote no " + results);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
