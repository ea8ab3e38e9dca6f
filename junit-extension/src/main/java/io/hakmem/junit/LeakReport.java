package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import io.hakmem.LiveBlock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** Describes leaked blocks, grouped by allocation site as LeakSanitizer does. */
@NullMarked
final class LeakReport {

    /** Blocks read from an arena for one report; beyond it, the report says how many it left out. */
    static final int MAX_READ = 100_000;

    static final String INJECTED = "the arena the extension injected";

    private LeakReport() {}

    /**
     * @param arena the arena, still open
     * @param stats a snapshot showing at least one live block
     * @param settings suppressions and stack depth
     * @param testName how to name the test in the message
     * @param arenaName how to name the arena
     * @return the report, or null when every live block is suppressed
     */
    static @Nullable String describe(
            HakmemArena arena, HakmemStats stats, ArenaSettings settings, String testName, String arenaName) {
        List<LiveBlock> blocks = arena.liveBlocks(MAX_READ);
        List<LeakGroups.Leak> leaks = new ArrayList<>();
        long count = stats.liveBlocks();
        long bytes = stats.liveBytes();
        for (LiveBlock b : blocks) {
            if (LeakGroups.suppressed(b.allocationSite(), settings.ignoreLeaksFrom())) {
                count--;
                bytes -= b.byteSize();
            } else {
                leaks.add(new LeakGroups.Leak(b.byteSize(), b.allocationSite(), b.threadName(), arenaName));
            }
        }
        if (count <= 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(header(testName, count, Math.max(0, bytes)))
                .append("\n\n")
                .append(LeakGroups.format(leaks, settings.stackDepth()));
        if (stats.liveBlocks() > blocks.size()) {
            sb.append("\n\n... and ").append(stats.liveBlocks() - blocks.size()).append(" more blocks not read");
        }
        return sb.append(footer()).toString();
    }

    /** The report for blocks of arenas the extension does not manage. */
    static String describe(List<LeakGroups.Leak> leaks, int depth, String testName) {
        long bytes = leaks.stream().mapToLong(LeakGroups.Leak::byteSize).sum();
        return header(testName, leaks.size(), bytes) + "\n\n" + LeakGroups.format(leaks, depth) + footer();
    }

    static String header(String testName, long count, long bytes) {
        return "hakmem leak check failed: " + testName + " leaked " + Sizes.blocks(count, bytes);
    }

    private static String footer() {
        return "\n\nFree each segment with arena.free(segment) before the test ends, or suppress a site with"
                + " @HakmemSettings(ignoreLeaksFrom = \"com.example.Class.method\").";
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
