package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Workloads that kill or hang their JVM: each must end as a FAIL of its own budget, named and with
 * a one-line cause, while the budgets after it still run.
 */
class ForkFaultsTest {

    private static final Map<String, String> FAULTS = Map.of(
            "f/OutOfHeap.java",
                    "package f; public final class OutOfHeap implements io.hakmem.budget.Workload {"
                            + " public void run(io.hakmem.budget.WorkloadContext c) {"
                            + " java.util.List<long[]> hog = new java.util.ArrayList<>();"
                            + " while (true) { hog.add(new long[1 << 20]); } } }",
            "f/Recurses.java",
                    "package f; public final class Recurses implements io.hakmem.budget.Workload {"
                            + " public void run(io.hakmem.budget.WorkloadContext c) { depth(0); }"
                            + " static int depth(int n) { return depth(n + 1) + 1; } }",
            "f/SpawnsAndExits.java",
                    "package f; public final class SpawnsAndExits implements"
                            + " io.hakmem.budget.Workload { public void run(io.hakmem.budget.WorkloadContext c)"
                            + " throws Exception { Process child = new ProcessBuilder(\"sleep\", \"600\").start();"
                            + " java.nio.file.Files.writeString(java.nio.file.Path.of(c.parameter(\"pidFile\", \"\")),"
                            + " Long.toString(child.pid())); System.exit(3); } }",
            "f/SpawnsAndHangs.java",
                    "package f; public final class SpawnsAndHangs implements"
                            + " io.hakmem.budget.Workload { public void run(io.hakmem.budget.WorkloadContext c)"
                            + " throws Exception { Process child = new ProcessBuilder(\"sleep\", \"600\").start();"
                            + " java.nio.file.Files.writeString(java.nio.file.Path.of(c.parameter(\"pidFile\", \"\")),"
                            + " Long.toString(child.pid())); Thread.sleep(600_000); } }");

    @TempDir
    static Path classes;

    static Path workloads;

    @TempDir
    Path directory;

    private final List<Long> children = new ArrayList<>();

    @BeforeAll
    static void compile() throws IOException {
        workloads = CompiledWorkloads.compile(classes, FAULTS);
    }

    @AfterEach
    void killWhatAFailedTestLeftBehind() {
        children.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private ForkedRunner runner(Duration timeout) {
        return new ForkedRunner(new ForkSettings(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(CompiledWorkloads.allocator(), workloads),
                "64m",
                List.of(),
                timeout,
                directory.resolve("work")));
    }

    private static BudgetSpec budget(String name, String workload, Map<String, String> parameters) {
        return Fixtures.spec(name, workload, parameters, 1000.0, null);
    }

    private static BudgetSpec small(String name) {
        return budget(name, "scaling", Map.of("blocks", "1000"));
    }

    private static void assertRanAndPassed(BudgetResult result) {
        assertThat(result.error()).isNull();
        assertThat(result.runs()).hasSize(1);
        assertThat(result.runs().get(0).liveBytes()).isEqualTo(1000 * 16);
        assertThat(BudgetEvaluator.evaluate(result).passed()).isTrue();
    }

    @Test
    void anOutOfMemoryErrorFailsItsBudgetAndTheNextBudgetStillRuns() throws Exception {
        List<BudgetResult> results = runner(Duration.ofSeconds(60))
                .run(List.of(budget("oom", "f.OutOfHeap", Map.of()), small("after")), 1, line -> {});

        assertThat(results).hasSize(2);
        assertThat(results.get(0).error()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(BudgetEvaluator.evaluate(results.get(0)).violations())
                .extracting(Violation::message)
                .containsExactly("budget 'oom': workload failed: java.lang.OutOfMemoryError: Java heap space");
        assertRanAndPassed(results.get(1));
    }

    @Test
    void aStackOverflowIsOneLineInTheVerdictAndItsFramesStayInTheForkLog() throws Exception {
        List<String> progress = new ArrayList<>();

        List<BudgetResult> results = runner(Duration.ofSeconds(60))
                .run(List.of(budget("deep", "f.Recurses", Map.of()), small("after")), 1, progress::add);

        assertThat(BudgetEvaluator.evaluate(results.get(0)).violations())
                .extracting(Violation::message)
                .containsExactly("budget 'deep': workload failed: java.lang.StackOverflowError");
        assertThat(progress)
                .contains("budget 'deep' run 1 of 1 failed: java.lang.StackOverflowError")
                .noneMatch(line -> line.contains("\tat f.Recurses"));
        assertThat(Files.readString(directory.resolve("work").resolve("fork.log")))
                .contains("\tat f.Recurses.depth");
        assertRanAndPassed(results.get(1));
    }

    @Test
    void systemExitFailsItsBudgetWithTheStatusTakesItsChildAlongAndTheReportsListEveryBudget() throws Exception {
        Path pidFile = directory.resolve("child.pid");

        List<BudgetResult> results = runner(Duration.ofSeconds(60))
                .run(
                        List.of(
                                small("before"),
                                budget("quits", "f.SpawnsAndExits", Map.of("pidFile", pidFile.toString())),
                                small("after")),
                        1,
                        line -> {});

        long child = Long.parseLong(Files.readString(pidFile).trim());
        children.add(child);
        assertThat(waitUntilGone(child))
                .as("the workload's sleep 600 outlived System.exit")
                .isEmpty();

        assertRanAndPassed(results.get(0));
        assertThat(results.get(1).runs()).isEmpty();
        assertThat(results.get(1).error()).isEqualTo("the budget JVM exited with status 3 before writing results");
        assertRanAndPassed(results.get(2));

        BudgetReport report =
                Fixtures.report(results.stream().map(BudgetEvaluator::evaluate).toList());
        ReportWriter.write(report, directory.resolve("hakmem"));
        Element suite = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        Files.readAllBytes(directory.resolve("hakmem").resolve(ReportWriter.JUNIT_XML))))
                .getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        // A crash is an error to CI, not a crossed limit.
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getElementsByTagName("failure").getLength()).isZero();
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message"))
                .isEqualTo(
                        "budget 'quits': workload failed: the budget JVM exited with status 3 before writing results");
        assertThat(ConsoleTable.render(report).get(3)).startsWith("quits ").endsWith("| ERROR");
    }

    @Test
    void aHangingBudgetIsKilledWithTheProcessesItStartedAndTheNextBudgetStillRuns() throws Exception {
        Path pidFile = directory.resolve("child.pid");
        long start = System.nanoTime();

        List<BudgetResult> results = runner(Duration.ofSeconds(3))
                .run(
                        List.of(
                                budget("hangs", "f.SpawnsAndHangs", Map.of("pidFile", pidFile.toString())),
                                small("after")),
                        1,
                        line -> {});

        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        long child = Long.parseLong(Files.readString(pidFile).trim());
        children.add(child);
        assertThat(results.get(0).error())
                .isEqualTo("did not finish within 3 s (forkTimeoutSeconds);"
                        + " the budget JVM and 1 process it started were killed");
        assertThat(waitUntilGone(child))
                .as("the workload's sleep 600 outlived the fork")
                .isEmpty();
        assertRanAndPassed(results.get(1));
        assertThat(seconds).isLessThan(20);
    }

    private static Optional<ProcessHandle> waitUntilGone(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return process;
            }
            Thread.sleep(100);
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
