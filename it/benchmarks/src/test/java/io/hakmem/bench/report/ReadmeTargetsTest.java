package io.hakmem.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README shows one run's targets table as the report wrote it; the count of gates under it
 * must agree with its rows, so that neither is edited without the other.
 */
class ReadmeTargetsTest {

    @Test
    void theReadmesCountOfGatesIsTheCountOfItsTargetRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../../README.md"));
        Map<Ratio.Verdict, Integer> gates = new EnumMap<>(Ratio.Verdict.class);
        for (String line : lines) {
            String[] cells = line.split("\\|");
            if (cells.length == 4 && cells[1].contains(" time at most ")) {
                String verdict = cells[3].strip();
                if (!verdict.endsWith(Targets.FOR_REFERENCE)) {
                    gates.merge(verdictOf(verdict), 1, Integer::sum);
                }
            }
        }
        assertThat(gates).as("verdicts of the README's speed targets").isNotEmpty();
        assertThat(lines).contains(Targets.summary(gates));
    }

    private static Ratio.Verdict verdictOf(String cell) {
        return Arrays.stream(Ratio.Verdict.values())
                .filter(v -> v.text().equals(cell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not a verdict: " + cell));
    }
}
