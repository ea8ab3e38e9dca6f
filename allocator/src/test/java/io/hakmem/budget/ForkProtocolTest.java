package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.budget.fork.ForkProtocol;
import io.hakmem.budget.fork.RunFigures;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The runner's side of {@link ForkProtocol}: it writes and reads no key the protocol does not name. */
class ForkProtocolTest {

    @Test
    void theMainClassIsTheRunner() {
        assertThat(ForkProtocol.MAIN_CLASS).isEqualTo(BudgetRunnerMain.class.getName());
    }

    @Test
    void theResultFileHoldsExactlyTheProtocolsKeys() {
        ResultFile results = new ResultFile();
        results.budgetCount(1);
        results.budget(
                0,
                new BudgetRequest.Entry("b", "scaling", Map.of("blocks", "8")),
                List.of(new RunFigures(1, 2, 3, 4, 5, 6), new RunFigures(10, 20, 30, 40, 50, 60)));
        results.error(0, "boom");

        Properties written = results.properties();

        assertThat(written.stringPropertyNames())
                .containsExactlyInAnyOrder(
                        ForkProtocol.BUDGETS,
                        ForkProtocol.budgetKey(0, ForkProtocol.NAME),
                        ForkProtocol.budgetKey(0, ForkProtocol.RUNS),
                        ForkProtocol.budgetKey(0, ForkProtocol.ERROR),
                        ForkProtocol.runKey(0, 0, ForkProtocol.LIVE_BYTES),
                        ForkProtocol.runKey(0, 0, ForkProtocol.RESIDENT_BYTES),
                        ForkProtocol.runKey(0, 0, ForkProtocol.MAPPED_BYTES),
                        ForkProtocol.runKey(0, 0, ForkProtocol.RETAINED_BYTES),
                        ForkProtocol.runKey(0, 0, ForkProtocol.RSS_DELTA_BYTES),
                        ForkProtocol.runKey(0, 0, ForkProtocol.ELAPSED_NANOS),
                        ForkProtocol.runKey(0, 1, ForkProtocol.LIVE_BYTES),
                        ForkProtocol.runKey(0, 1, ForkProtocol.RESIDENT_BYTES),
                        ForkProtocol.runKey(0, 1, ForkProtocol.MAPPED_BYTES),
                        ForkProtocol.runKey(0, 1, ForkProtocol.RETAINED_BYTES),
                        ForkProtocol.runKey(0, 1, ForkProtocol.RSS_DELTA_BYTES),
                        ForkProtocol.runKey(0, 1, ForkProtocol.ELAPSED_NANOS));
        // The figures in RUN_FIGURES order are the RunFigures components in order.
        List<String> second = ForkProtocol.RUN_FIGURES.stream()
                .map(figure -> written.getProperty(ForkProtocol.runKey(0, 1, figure)))
                .toList();
        assertThat(second).containsExactly("10", "20", "30", "40", "50", "60");
        assertThat(written.getProperty("budget.0.run.1.rssDeltaBytes")).isEqualTo("50");
        assertThat(written.getProperty("budgets")).isEqualTo("1");
    }

    @Test
    void aRequestWrittenWithTheProtocolsKeysIsRead() {
        Properties request = new Properties();
        request.setProperty(ForkProtocol.REPEAT, "2");
        request.setProperty(ForkProtocol.BUDGETS, "1");
        request.setProperty(ForkProtocol.budgetKey(0, ForkProtocol.NAME), "b");
        request.setProperty(ForkProtocol.budgetKey(0, ForkProtocol.WORKLOAD), "threads");
        request.setProperty(ForkProtocol.parameterPrefix(0) + "threads", "4");

        BudgetRequest read = BudgetRequest.from(request);

        assertThat(read)
                .isEqualTo(
                        new BudgetRequest(2, List.of(new BudgetRequest.Entry("b", "threads", Map.of("threads", "4")))));
    }

    @Test
    void theProtocolIsCompiledForJava17SoThatThePluginCanLoadItInsideMaven() throws IOException {
        ClassLoader loader = ForkProtocol.class.getClassLoader();
        for (String file :
                List.of("io/hakmem/budget/fork/ForkProtocol.class", "io/hakmem/budget/fork/package-info.class")) {
            try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream(file), file)) {
                byte[] header = in.readNBytes(8);
                int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                assertThat(major).as(file).isEqualTo(61);
            }
        }
    }
}
