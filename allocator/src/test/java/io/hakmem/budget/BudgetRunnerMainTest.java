package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.budget.fork.ForkProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetRunnerMainTest {

    @TempDir
    Path directory;

    @Test
    void aRequestWithBadWorkloadsIsRejectedWholeBeforeAnyRun() throws IOException {
        Properties request = new Properties();
        request.setProperty("repeat", "1");
        request.setProperty("budgets", "3");
        request.setProperty("budget.0.name", "good");
        request.setProperty("budget.0.workload", "scaling");
        request.setProperty("budget.1.name", "typo");
        request.setProperty("budget.1.workload", "scalling");
        request.setProperty("budget.2.name", "text");
        request.setProperty("budget.2.workload", "scaling");
        request.setProperty("budget.2.parameter.size", "big");
        Path requestFile = directory.resolve("request.properties");
        try (Writer writer = Files.newBufferedWriter(requestFile, StandardCharsets.UTF_8)) {
            request.store(writer, null);
        }
        Path resultFile = directory.resolve("results.properties");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = BudgetRunnerMain.run(requestFile, resultFile, new PrintStream(out, true, StandardCharsets.UTF_8));

        Properties results = new Properties();
        try (Reader reader = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
            results.load(reader);
        }
        assertThat(status).isEqualTo(ForkProtocol.EXIT_CONFIG_ERROR);
        assertThat(results.getProperty("configError.0")).startsWith("budget 'typo': workload 'scalling'");
        assertThat(results.getProperty("configError.1"))
                .isEqualTo("budget 'text': parameter 'size' must be an integer, was 'big'");
        assertThat(results.getProperty("configError.2")).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("run 1 of 1");
    }

    /** Recurses until the stack is gone: a StackOverflowError, whose trace is 1024 frames long. */
    public static final class Overflows implements Workload {
        @Override
        public void run(WorkloadContext context) {
            context.measure();
            depth(0);
        }

        private static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    /** Throws an Error with a message spread over lines, as assertion libraries do. */
    public static final class ThrowsError implements Workload {
        @Override
        public void run(WorkloadContext context) {
            throw new InternalError("first line\nsecond line\nthird line");
        }
    }

    /** Reads only "blocks". */
    public static final class ReadsBlocks implements Workload {
        @Override
        public void run(WorkloadContext context) {
            context.arena().free(context.arena().allocate(context.parameter("blocks", 16)));
        }
    }

    @Test
    void parametersTheWorkloadNeverReadRejectTheRequestNamingThemAndWhatItRead() throws IOException {
        Path requestFile = request(List.of(Map.of(
                "name",
                "typo",
                "workload",
                ReadsBlocks.class.getName(),
                "parameter.blocks",
                "64",
                "parameter.blokcs",
                "10",
                "parameter.colour",
                "red")));
        Path resultFile = directory.resolve("results.properties");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = BudgetRunnerMain.run(requestFile, resultFile, new PrintStream(out, true, StandardCharsets.UTF_8));

        Properties results = load(resultFile);
        assertThat(status).isEqualTo(ForkProtocol.EXIT_CONFIG_ERROR);
        assertThat(results.getProperty("configError.0"))
                .isEqualTo("budget 'typo': workload "
                        + ReadsBlocks.class.getName() + " never read the parameters [blokcs, colour]; it read [blocks]"
                        + " (a misspelling in <parameters>?)");
        assertThat(results.getProperty("budget.0.runs")).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("run 1 of 1:");
    }

    @Test
    void anErrorFailsOnlyItsBudgetWithAOneLineCauseAndTheNextBudgetStillRuns() throws IOException {
        Path requestFile = request(List.of(
                Map.of("name", "overflow", "workload", Overflows.class.getName()),
                Map.of("name", "error", "workload", ThrowsError.class.getName()),
                Map.of("name", "after", "workload", "scaling", "parameter.blocks", "1000")));
        Path resultFile = directory.resolve("results.properties");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = BudgetRunnerMain.run(requestFile, resultFile, new PrintStream(out, true, StandardCharsets.UTF_8));

        Properties results = load(resultFile);
        assertThat(status).isZero();
        assertThat(results.getProperty("budget.0.error")).isEqualTo("java.lang.StackOverflowError");
        assertThat(results.getProperty("budget.0.runs")).isEqualTo("0");
        assertThat(results.getProperty("budget.1.error")).isEqualTo("java.lang.InternalError: first line");
        assertThat(results.getProperty("budget.2.error")).isNull();
        assertThat(results.getProperty("budget.2.runs")).isEqualTo("1");
        assertThat(results.getProperty("budget.2.run.0.liveBytes")).isEqualTo(Long.toString(1000 * 16));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("[hakmem] budget 'overflow' run 1 of 1 failed: java.lang.StackOverflowError\n")
                .contains("[hakmem] budget 'after' run 1 of 1:");
    }

    @Test
    void aCauseIsOneLineWithItsRootAndAtMost300Characters() {
        Exception wrapped =
                new IllegalStateException("threads workload failed", new OutOfMemoryError("Java heap space"));

        assertThat(BudgetRunnerMain.describe(wrapped))
                .isEqualTo("java.lang.IllegalStateException: threads workload"
                        + " failed (caused by java.lang.OutOfMemoryError: Java heap space)");
        assertThat(BudgetRunnerMain.describe(new StackOverflowError())).isEqualTo("java.lang.StackOverflowError");
        assertThat(BudgetRunnerMain.describe(new Error("x".repeat(1000))))
                .hasSize(300)
                .endsWith("xx...");
    }

    private Path request(List<Map<String, String>> budgets) throws IOException {
        Properties request = new Properties();
        request.setProperty("repeat", "1");
        request.setProperty("budgets", Integer.toString(budgets.size()));
        for (int i = 0; i < budgets.size(); i++) {
            for (Map.Entry<String, String> entry : budgets.get(i).entrySet()) {
                request.setProperty("budget." + i + "." + entry.getKey(), entry.getValue());
            }
        }
        Path requestFile = directory.resolve("request.properties");
        try (Writer writer = Files.newBufferedWriter(requestFile, StandardCharsets.UTF_8)) {
            request.store(writer, null);
        }
        return requestFile;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
