package io.hakmem.budget;

import io.hakmem.budget.fork.ForkProtocol;
import io.hakmem.budget.fork.RunFigures;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

/** The results the forked JVM hands back to the plugin, as a properties file whose keys {@link ForkProtocol} lists. */
final class ResultFile {

    private final Properties properties = new Properties();

    void configErrors(List<String> messages) {
        for (int i = 0; i < messages.size(); i++) {
            properties.setProperty(ForkProtocol.configErrorKey(i), messages.get(i));
        }
    }

    void budgetCount(int count) {
        properties.setProperty(ForkProtocol.BUDGETS, Integer.toString(count));
    }

    void budget(int index, BudgetRequest.Entry entry, List<RunFigures> runs) {
        properties.setProperty(ForkProtocol.budgetKey(index, ForkProtocol.NAME), entry.name());
        properties.setProperty(ForkProtocol.budgetKey(index, ForkProtocol.RUNS), Integer.toString(runs.size()));
        for (int run = 0; run < runs.size(); run++) {
            RunFigures result = runs.get(run);
            set(index, run, ForkProtocol.LIVE_BYTES, result.liveBytes());
            set(index, run, ForkProtocol.RESIDENT_BYTES, result.residentBytes());
            set(index, run, ForkProtocol.MAPPED_BYTES, result.mappedBytes());
            set(index, run, ForkProtocol.RETAINED_BYTES, result.retainedBytes());
            set(index, run, ForkProtocol.RSS_DELTA_BYTES, result.rssDeltaBytes());
            set(index, run, ForkProtocol.ELAPSED_NANOS, result.elapsedNanos());
        }
    }

    void error(int index, String message) {
        properties.setProperty(ForkProtocol.budgetKey(index, ForkProtocol.ERROR), message);
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

    private void set(int budget, int run, String figure, long value) {
        properties.setProperty(ForkProtocol.runKey(budget, run, figure), Long.toString(value));
    }
}
