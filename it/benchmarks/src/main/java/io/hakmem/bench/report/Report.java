package io.hakmem.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * Writes the Markdown report from JMH's JSON and the memory JSON; either file may be missing.
 *
 * <pre>{@code
 * java -cp ... io.hakmem.bench.report.Report target/bench/jmh.json target/bench/memory.json target/bench/results.md
 * }</pre>
 */
@NullMarked
public final class Report {
    /** How to reproduce the numbers, printed in the report. */
    public static final String COMMAND = "mvn -B -Pbench -pl it/benchmarks -am -DskipTests verify";

    private Report() {}

    /** @param args jmh.json, memory.json, the Markdown file to write */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: Report JMH.json MEMORY.json OUT.md, got " + List.of(args));
        }
        System.out.println(write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])));
    }

    /**
     * @return the Markdown text, also written to {@code out}
     */
    public static String write(Path jmhJson, Path memoryJson, Path out) throws IOException {
        List<Score> scores = Files.exists(jmhJson) ? JmhResults.parse(read(jmhJson)) : List.of();
        MemoryResults memory = Files.exists(memoryJson)
                ? MemoryResults.parse(read(memoryJson))
                : new MemoryResults(List.of(), Map.of());
        String md = render(scores, memory, Machine.describe());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        return md;
    }

    static String render(List<Score> scores, MemoryResults memory, String machine) {
        return "## Speed (JMH, nanoseconds per operation; lower is better)\n\n"
                + "Each fork's figure is the median of its measured iterations; a cell shows the median of "
                + "the forks and their range. Ratios compare medians; a target is met or missed only when "
                + "the ranges separate. One machine: " + machine + ".\nReproduce with `" + COMMAND + "`.\n\n"
                + SpeedTable.render(scores)
                + "\n## Memory (test_scaling: N live blocks of 16 B, one JVM per allocator)\n\n"
                + "RSS growth over the JVM's baseline (heap fixed and pre-touched); heap B/block counts "
                + "the segment or ByteBuf objects a user holds plus any on-heap metadata.\n\n"
                + MemoryTable.render(memory)
                + "\n## hakmem's targets\n\n"
                + Targets.render(scores, memory);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
