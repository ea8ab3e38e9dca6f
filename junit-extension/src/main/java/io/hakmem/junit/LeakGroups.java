package io.hakmem.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.NullMarked;

/**
 * Leaked blocks grouped by allocation site, in the manner of LeakSanitizer: one entry per distinct
 * stack (cut to the configured depth) and arena, largest first, each with its count and size.
 */
@NullMarked
final class LeakGroups {

    /** Groups printed in full; the rest are summed up in one line. */
    static final int MAX_GROUPS = 20;

    /**
     * One leaked block as the report sees it.
     *
     * @param byteSize the requested size
     * @param stack the allocating stack, innermost first, allocator frames left out
     * @param threadName the allocating thread, or empty
     * @param arena how to name the arena it came from
     */
    record Leak(long byteSize, List<StackTraceElement> stack, String threadName, String arena) {}

    private record Key(List<StackTraceElement> frames, String arena) {}

    private static final class Group {
        long count;
        long bytes;
        final Set<String> threads = new LinkedHashSet<>();
    }

    private LeakGroups() {}

    /**
     * @param leaks the blocks
     * @param depth frames shown per site, at least 1
     * @return the groups, each starting with "N blocks (X) allocated at", separated by blank lines
     */
    static String format(List<Leak> leaks, int depth) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        for (Leak leak : leaks) {
            List<StackTraceElement> frames = userStack(leak.stack());
            Key key = new Key(frames.subList(0, Math.min(depth, frames.size())), leak.arena());
            Group g = groups.computeIfAbsent(key, k -> new Group());
            g.count++;
            g.bytes += leak.byteSize();
            if (!leak.threadName().isEmpty() && g.threads.size() < 4) {
                g.threads.add(leak.threadName());
            }
        }
        List<Map.Entry<Key, Group>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue().bytes, a.getValue().bytes));
        StringBuilder sb = new StringBuilder();
        long hiddenBlocks = 0;
        long hiddenBytes = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Group g = sorted.get(i).getValue();
            if (i >= MAX_GROUPS) {
                hiddenBlocks += g.count;
                hiddenBytes += g.bytes;
                continue;
            }
            Key k = sorted.get(i).getKey();
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(Sizes.blocks(g.count, g.bytes)).append(" allocated at");
            if (k.frames().isEmpty()) {
                sb.append(" an unknown site (allocation sites are not tracked for this arena;"
                        + " turn on @HakmemSettings(trackAllocationSites = Toggle.ON))");
            }
            for (int f = 0; f < k.frames().size(); f++) {
                sb.append("\n    #")
                        .append(f)
                        .append(' ')
                        .append(UserFrames.format(k.frames().get(f)));
            }
            sb.append("\n  from ").append(k.arena());
            if (!g.threads.isEmpty()) {
                sb.append(", by thread ")
                        .append(String.join(
                                ", ", g.threads.stream().map(t -> "'" + t + "'").toList()));
            }
        }
        if (hiddenBlocks > 0) {
            sb.append("\n\n... and ")
                    .append(Sizes.blocks(hiddenBlocks, hiddenBytes))
                    .append(" from ")
                    .append(sorted.size() - MAX_GROUPS)
                    .append(" more sites");
        }
        return sb.toString();
    }

    /** Drops the allocator's frames on top and the test framework's below the test method. */
    static List<StackTraceElement> userStack(List<StackTraceElement> stack) {
        int from = 0;
        while (from < stack.size() && isAllocatorFrame(stack.get(from).getClassName())) {
            from++;
        }
        int to = from;
        boolean seenUser = false;
        while (to < stack.size()) {
            String c = stack.get(to).getClassName();
            if (seenUser && isHarnessFrame(c)) {
                break;
            }
            seenUser |= !isHarnessFrame(c);
            to++;
        }
        return List.copyOf(stack.subList(from, to));
    }

    private static boolean isAllocatorFrame(String className) {
        return className.startsWith("io.hakmem.HakmemArena")
                || className.startsWith("io.hakmem.junit.ProcessWatch")
                || className.startsWith("java.lang.foreign.")
                || className.startsWith("jdk.internal.foreign.");
    }

    private static boolean isHarnessFrame(String className) {
        return className.startsWith("org.junit.")
                || className.startsWith("java.lang.reflect.")
                || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("org.apache.maven.surefire.");
    }

    /**
     * @param stack the allocating stack
     * @param patterns prefixes of {@code package.Class.method}
     * @return whether any frame matches any pattern
     */
    static boolean suppressed(List<StackTraceElement> stack, List<String> patterns) {
        if (patterns.isEmpty()) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName() + "." + frame.getMethodName();
            for (String p : patterns) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
