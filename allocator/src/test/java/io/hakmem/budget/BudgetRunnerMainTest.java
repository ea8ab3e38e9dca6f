package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(status).isEqualTo(BudgetRunnerMain.EXIT_CONFIG_ERROR);
        assertThat(results.getProperty("configError.0")).startsWith("budget 'typo': workload 'scalling'");
        assertThat(results.getProperty("configError.1"))
                .isEqualTo("budget 'text': parameter 'size' must be an integer, was 'big'");
        assertThat(results.getProperty("configError.2")).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("run 1 of 1");
    }
}
