package io.hakmem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Where each live block was allocated, for leak reports. Thread-safe on its own monitor, so that
 * the thread caches' paths can record without the heap lock.
 */
@NullMarked
final class AllocationSites {

    private static final int DEPTH = 12;
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), DEPTH + 8);

    private final Map<Long, LiveBlock> byAddress = new LinkedHashMap<>();

    void record(long address, long byteSize) {
        // The walk, the costly part, runs outside the monitor.
        List<StackTraceElement> stack = WALKER.walk(frames -> frames.filter(f -> !isInternal(f.getClassName()))
                .limit(DEPTH)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toList());
        LiveBlock block =
                new LiveBlock(address, byteSize, stack, Thread.currentThread().getName());
        synchronized (this) {
            byAddress.put(address, block);
        }
    }

    synchronized @Nullable LiveBlock remove(long address) {
        return byAddress.remove(address);
    }

    /** Puts back a site whose free was refused; it keeps its age order only approximately. */
    synchronized void restore(LiveBlock site) {
        byAddress.putIfAbsent(site.address(), site);
    }

    synchronized List<LiveBlock> first(int max) {
        List<LiveBlock> out = new ArrayList<>(Math.min(max, byAddress.size()));
        for (LiveBlock b : byAddress.values()) {
            if (out.size() == max) {
                break;
            }
            out.add(b);
        }
        return out;
    }

    /** Frames of the allocator itself and of the FFM default methods that call it. */
    private static boolean isInternal(String className) {
        return className.equals("io.hakmem.HakmemArena")
                || className.startsWith("io.hakmem.AllocationSites")
                || className.startsWith("java.lang.foreign.")
                || className.startsWith("jdk.internal.foreign.");
    }
}
