package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/** The checks of a test's {@link TestScope}: leaks from any arena, and arenas it left open. */
@NullMarked
final class ScopeChecks {

    private ScopeChecks() {}

    /** {@return the leak report of blocks the test's threads allocated and did not free, if any} */
    static List<String> leaks(TestScope scope) {
        List<LeakGroups.Leak> leaks = ProcessWatch.INSTANCE.drainLeaks(scope);
        if (leaks.isEmpty()) {
            return List.of();
        }
        return List.of(LeakReport.describe(leaks, scope.settings().stackDepth(), scope.testName()));
    }

    /**
     * Arenas the test created and never closed: those holding blocks go to {@code holding}, as
     * their blocks leak; empty ones to {@code empty}.
     */
    static void unclosedArenas(TestScope scope, List<String> holding, List<String> empty) {
        for (HakmemArena arena : scope.createdArenas) {
            if (arena.isClosed() || LiveArenas.contains(arena) || arena.isGlobal()) {
                continue;
            }
            HakmemStats stats;
            try {
                stats = arena.stats();
            } catch (IllegalStateException closedMeanwhile) {
                continue;
            }
            String what =
                    "hakmem arena check failed: " + scope.testName() + " never closed " + ArenaDescriptions.of(arena);
            if (stats.liveBlocks() > 0) {
                holding.add(what + ", which still holds " + Sizes.blocks(stats.liveBlocks(), stats.liveBytes())
                        + ". Close it (try-with-resources), or use HakmemArena.global() for memory that outlives"
                        + " its user.");
            } else {
                empty.add(what + " (empty, but it keeps its thread caches and its JDK scope)."
                        + " Close it, or allow it with @HakmemSettings(unclosedArenas = LeakCheckMode.OFF).");
            }
        }
        scope.createdArenas.clear();
    }
}
