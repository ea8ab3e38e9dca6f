package io.hakmem.bench.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;

/** What this process occupies: resident bytes from the OS and Java heap bytes after a full GC. */
@NullMarked
final class Footprint {
    private static final Path STATUS = Path.of("/proc/self/status");

    private Footprint() {
    }

    /** @return VmRSS in bytes */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return Long.parseLong(kib) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
        throw new IllegalStateException(STATUS + " has no VmRSS line");
    }

    /** @return heap bytes in use after two full collections, i.e. what is reachable */
    static long heapBytesAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
