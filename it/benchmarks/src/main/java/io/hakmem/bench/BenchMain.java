package io.hakmem.bench;

import io.hakmem.bench.memory.MemoryComparison;
import io.hakmem.bench.peer.PeerKind;
import io.hakmem.bench.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs everything and prints the report: JMH ({@code jmh.json}), the memory comparison
 * ({@code memory.json}), then {@code results.md}, all in the output directory.
 *
 * <p>Arguments: the output directory, then any JMH options (e.g. {@code -p peer=FLOOR,HAKMEM},
 * {@code -wi 3}, a benchmark regex), plus {@code --skip-jmh} or {@code --skip-memory}.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp ... io.hakmem.bench.BenchMain target/bench pair
 * }</pre>
 */
@NullMarked
public final class BenchMain {

    private BenchMain() {}

    /** @param args output directory, then options as described above */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BenchMain OUT_DIR [--skip-jmh] [--skip-memory] [JMH options]");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<String> jmhArgs = new ArrayList<>();
        boolean jmh = true;
        boolean memory = true;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--skip-jmh" -> jmh = false;
                case "--skip-memory" -> memory = false;
                default -> jmhArgs.add(args[i]);
            }
        }
        printNotes();
        Path jmhJson = out.resolve("jmh.json");
        Path memoryJson = out.resolve("memory.json");
        if (jmh) {
            runJmh(jmhArgs, jmhJson);
        }
        if (memory) {
            MemoryComparison.run(memoryJson, PeerKind.availableKinds());
        }
        System.out.println(Report.write(jmhJson, memoryJson, out.resolve("results.md")));
        System.out.println("Wrote " + out.resolve("results.md").toAbsolutePath());
    }

    private static void runJmh(List<String> args, Path json) throws Exception {
        CommandLineOptions given = new CommandLineOptions(args.toArray(String[]::new));
        OptionsBuilder options = new OptionsBuilder();
        options.parent(given).resultFormat(ResultFormatType.JSON).result(json.toString());
        if (!given.getParameter("peer").hasValue()) {
            // A peer whose library is missing would fail every one of its forks; leave it out up front.
            options.param(
                    "peer",
                    PeerKind.availableKinds().stream().map(PeerKind::name).toArray(String[]::new));
        }
        new Runner(options.build()).run();
    }

    /** Says which native allocators run and why any are left out, before the long run starts. */
    static void printNotes() {
        for (PeerKind kind : PeerKind.values()) {
            if (!kind.note().isEmpty()) {
                System.out.println("# " + kind.label() + ": " + kind.note());
            }
        }
    }
}
