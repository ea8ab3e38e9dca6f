package io.hakmem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.NullMarked;

/** What {@code close()} says when blocks are still live: one warning, or an exception. */
@NullMarked
final class LiveAtClose {

    private static final System.Logger LOG = System.getLogger("io.hakmem");
    private static final int TOP_SITES = 5;

    /** Where warnings go; tests swap it, as the allocator's module cannot read java.logging. */
    static volatile Consumer<String> sink = message -> LOG.log(System.Logger.Level.WARNING, message);

    private LiveAtClose() {}

    /**
     * @param createdAt the arena's creation site
     * @param liveBlocks blocks still live as the arena closed, more than 0
     * @param liveBytes their requested bytes
     * @param live the tracked live blocks, empty when sites are not tracked
     * @param fail whether to throw instead of warning
     */
    static void report(String createdAt, long liveBlocks, long liveBytes, List<LiveBlock> live, boolean fail) {
        StringBuilder sb = new StringBuilder("HakmemArena created at ")
                .append(createdAt)
                .append(" was closed with ")
                .append(blocks(liveBlocks, liveBytes))
                .append(" still live; close() unmapped them");
        Map<String, long[]> bySite = new LinkedHashMap<>();
        for (LiveBlock b : live) {
            String site = b.allocationSite().isEmpty()
                    ? "unknown"
                    : b.allocationSite().get(0).toString();
            long[] c = bySite.computeIfAbsent(site, k -> new long[2]);
            c[0]++;
            c[1] += b.byteSize();
        }
        bySite.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(TOP_SITES)
                .forEach(e -> sb.append("\n  ")
                        .append(blocks(e.getValue()[0], e.getValue()[1]))
                        .append(" allocated at ")
                        .append(e.getKey()));
        if (live.isEmpty()) {
            sb.append("\n  (turn on trackAllocationSites to see where they were allocated)");
        }
        if (fail) {
            throw new IllegalStateException(sb.toString());
        }
        sink.accept(sb.toString());
    }

    private static String blocks(long count, long bytes) {
        return count + (count == 1 ? " block (" : " blocks (") + bytes + " B)";
    }
}
