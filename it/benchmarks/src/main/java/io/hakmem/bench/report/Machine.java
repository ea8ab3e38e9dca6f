package io.hakmem.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/** One line describing where the numbers were measured: CPU, cores, memory, OS, JDK, load. */
@NullMarked
public final class Machine {

    private Machine() {}

    /** @return e.g. {@code Intel Xeon ..., 2 cores, 24 GiB, Linux 6.1, JDK 25+36, load 1.2} */
    public static String describe() {
        String cpu = field(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String memory = field(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> Math.round(Long.parseLong(kb.replace("kB", "").trim()) / 1048576.0) + " GiB")
                .orElse("? GiB");
        String load = read(Path.of("/proc/loadavg")).map(l -> l.split(" ")[0]).orElse("?");
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", load average " + load + " when the report was written";
    }

    private static Optional<String> field(Path file, String key) {
        return read(file)
                .flatMap(text -> text.lines()
                        .filter(line -> line.startsWith(key))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst());
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
