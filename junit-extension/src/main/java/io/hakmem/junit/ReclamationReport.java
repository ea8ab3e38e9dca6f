package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/** Explains why an arena with no leaked block still holds mapped memory after {@code trim()}. */
@NullMarked
final class ReclamationReport {

    private ReclamationReport() {}

    static boolean reclaimed(HakmemStats stats) {
        return stats.superSlabsLive() == 0 && stats.mappedBytes() == 0;
    }

    static String describe(HakmemArena arena, HakmemStats stats, String testName) {
        return "hakmem reclamation check failed: after trim(), the arena of " + testName + " still maps "
                + LeakReport.plural(stats.superSlabsLive(), "SuperSlab") + " and "
                + LeakReport.plural(stats.largeMappings(), "large mapping") + ", "
                + LeakReport.plural(stats.mappedBytes(), "byte") + " in all, because "
                + cause(stats, arena.threadsHoldingCachedBlocks())
                + "\n  stats: " + stats;
    }

    private static String cause(HakmemStats stats, List<String> holders) {
        if (stats.liveBlocks() > 0) {
            return LeakReport.plural(stats.liveBlocks(), "block") + " (" + LeakReport.plural(stats.liveBytes(), "byte")
                    + ") are still live.";
        }
        if (stats.magazineBlocks() > 0) {
            return LeakReport.plural(stats.magazineBlocks(), "freed block")
                    + " are pinned in the thread caches (magazineBlocks) of threads that still run and"
                    + " cache blocks of this arena" + (holders.isEmpty() ? "" : " " + holders)
                    + ". Join those threads before the test ends, or use @HakmemSettings(magazineCapacity = 0).";
        }
        return "of nothing the arena can name: no block is live and no thread cache holds one."
                + " This is an allocator bug; please report it with this message.";
    }
}
