package io.hakmem.budget;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/**
 * The results the forked JVM hands back to the plugin, as a properties file:
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
 */
final class ResultFile {

    private final Properties properties = new Properties();

    void configErrors(List<String> messages) {
        for (int i = 0; i < messages.size(); i++) {
            properties.setProperty("configError." + i, messages.get(i));
        }
    }

    void budgetCount(int count) {
        properties.setProperty("budgets", Integer.toString(count));
    }

    void budget(int index, BudgetRequest.Entry entry, List<RunResult> runs) {
        String prefix = "budget." + index + ".";
        properties.setProperty(prefix + "name", entry.name());
        properties.setProperty(prefix + "workload", entry.workload());
        properties.setProperty(prefix + "runs", Integer.toString(runs.size()));
        for (int run = 0; run < runs.size(); run++) {
            RunResult result = runs.get(run);
            String runPrefix = prefix + "run." + run + ".";
            set(runPrefix + "liveBytes", result.liveBytes());
            set(runPrefix + "residentBytes", result.residentBytes());
            set(runPrefix + "mappedBytes", result.mappedBytes());
            set(runPrefix + "retainedBytes", result.retainedBytes());
            set(runPrefix + "rssDeltaBytes", result.rssDeltaBytes());
            set(runPrefix + "elapsedNanos", result.elapsedNanos());
        }
    }

    void error(int index, String message) {
        properties.setProperty("budget." + index + ".error", message);
    }

    Properties properties() {
        return properties;
    }

    /** Writes to a temporary file first, so the plugin never reads half a file after a crash. */
    void writeTo(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "hakmem budget results");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void set(String key, long value) {
        properties.setProperty(key, Long.toString(value));
    }
}
