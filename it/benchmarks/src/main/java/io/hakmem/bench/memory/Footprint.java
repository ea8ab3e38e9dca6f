package io.hakmem.bench.memory;

import io.hakmem.budget.ProcessMemory;
import java.lang.management.ManagementFactory;
import org.jspecify.annotations.NullMarked;

/** What this process occupies: resident bytes from the OS and Java heap bytes after a full GC. */
@NullMarked
final class Footprint {
    private Footprint() {}

    /** @return VmRSS in bytes */
    static long residentBytes() {
        long rss = ProcessMemory.residentBytes();
        if (rss < 0) {
            // Every figure is a difference of two readings: one that cannot be read is no figure.
            throw new IllegalStateException("the process RSS cannot be read: /proc/self/status has no VmRSS line");
        }
        return rss;
    }

    /** @return heap bytes in use after two full collections, i.e. what is reachable */
    static long heapBytesAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
