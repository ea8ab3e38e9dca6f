package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakmem.budget.fork.ForkProtocol;
import io.hakmem.budget.fork.RunFigures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The plugin's side of the fork protocol: it uses the allocator's own {@link ForkProtocol}, which
 * Maven's Java 17 can load, and reads every key the fork writes.
 */
class ForkProtocolTest {

    @Test
    void theProtocolComesFromTheAllocatorAndIsJava17Bytecode() throws IOException, URISyntaxException {
        Path source = Path.of(ForkProtocol.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(source).isEqualTo(CompiledWorkloads.allocator());
        try (InputStream in = Objects.requireNonNull(
                ForkProtocol.class.getResourceAsStream(ForkProtocol.class.getSimpleName() + ".class"))) {
            byte[] header = in.readNBytes(8);
            assertThat(((header[6] & 0xff) << 8) | (header[7] & 0xff))
                    .as("class file major version")
                    .isEqualTo(61);
        }
    }

    @Test
    void resultsNamedByTheProtocolAreReadBack() {
        BudgetSpec spec = Fixtures.spec("a", "scaling", Map.of(), 1.0, null);
        Properties results = new Properties();
        results.setProperty(ForkProtocol.BUDGETS, "1");
        results.setProperty(ForkProtocol.budgetKey(0, ForkProtocol.NAME), "a");
        results.setProperty(ForkProtocol.budgetKey(0, ForkProtocol.RUNS), "1");
        for (int i = 0; i < ForkProtocol.RUN_FIGURES.size(); i++) {
            results.setProperty(ForkProtocol.runKey(0, 0, ForkProtocol.RUN_FIGURES.get(i)), Integer.toString(i + 1));
        }

        List<BudgetResult> parsed = ForkResults.parse(results, List.of(spec));

        assertThat(parsed).containsExactly(new BudgetResult(spec, List.of(new RunFigures(1, 2, 3, 4, 5, 6)), null));
    }

    @Test
    void aResultFileForAnotherNumberOfBudgetsIsRefusedNamingBothCounts() {
        Properties results = new Properties();
        results.setProperty(ForkProtocol.BUDGETS, "2");

        assertThatThrownBy(
                        () -> ForkResults.parse(results, List.of(Fixtures.spec("a", "scaling", Map.of(), 1.0, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("result file lists 2 budgets, expected 1 as requested");
        assertThatThrownBy(() -> ForkResults.parse(new Properties(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("result file has no 'budgets'");
    }

    @Test
    void configErrorsAreReadInOrderUntilTheFirstGap() {
        Properties results = new Properties();
        results.setProperty(ForkProtocol.configErrorKey(0), "first");
        results.setProperty(ForkProtocol.configErrorKey(1), "second");
        results.setProperty(ForkProtocol.configErrorKey(3), "after a gap");

        assertThat(ForkResults.configErrors(results)).containsExactly("first", "second");
    }
}
