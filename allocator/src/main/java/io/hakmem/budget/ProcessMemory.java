package io.hakmem.budget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The resident set size of this process, from {@code VmRSS} in {@code /proc/self/status}: the
 * OS's own figure, against which the arenas' figures are cross-checked. The budget runner, the
 * allocator's tests and the benchmarks all read it here.
 *
 * <pre>{@code
 * long before = ProcessMemory.residentBytes();
 * runWorkload();
 * long grown = before < 0 ? -1 : ProcessMemory.residentBytes() - before;
 * }</pre>
 */
@NullMarked
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** {@return the process RSS in bytes, or -1 where procfs is not available} */
    public static long residentBytes() {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            return parseVmRss(Files.readAllLines(STATUS));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * @param statusLines the lines of a {@code /proc/PID/status} file
     * @return VmRSS in bytes, -1 when the line is missing
     */
    static long parseVmRss(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        return -1;
    }
}
