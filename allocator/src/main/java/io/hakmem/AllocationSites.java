package io.hakmem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.NullMarked;

/** Where each live block was allocated, for leak reports. Guarded by the heap lock. */
@NullMarked
final class AllocationSites {

    private static final int DEPTH = 12;
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), DEPTH + 8);

    private final Map<Long, LiveBlock> byAddress = new LinkedHashMap<>();

    void record(long address, long byteSize) {
        List<StackTraceElement> stack = WALKER.walk(frames -> frames
                .filter(f -> !isInternal(f.getClassName()))
                .limit(DEPTH)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toList());
        byAddress.put(address, new LiveBlock(address, byteSize, stack, Thread.currentThread().getName()));
    }

    void remove(long address) {
        byAddress.remove(address);
    }

    List<LiveBlock> first(int max) {
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
        return className.equals("io.hakmem.HakmemArena") || className.startsWith("io.hakmem.AllocationSites")
                || className.startsWith("java.lang.foreign.") || className.startsWith("jdk.internal.foreign.");
    }
}
