package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The checks after a test: leaks, then reclamation after {@code trim()}, then closing the arena and
 * asking the OS whether its mappings are gone. The arena is closed whatever the outcome.
 */
@NullMarked
final class ArenaChecks {

    private ArenaChecks() {}

    /**
     * An arena the test closed itself is legitimate: close() unmaps every block, so there is no
     * leak to report, and trim() would only throw. The OS check still runs, on the ranges the
     * extension last saw the arena hold.
     *
     * @return one message per failed check, empty when the arena was clean
     */
    static List<String> checkAndClose(ArenaResource resource, ExtensionContext context) {
        HakmemArena arena = resource.arena();
        List<String> problems = new ArrayList<>();
        boolean checked = resource.settings().leakCheck() != LeakCheckMode.OFF;
        // Taken before trim(): every range the test left mapped must be gone from the OS after close().
        List<AddressRange> ranges = ArenaMappings.of(arena);
        boolean closedByTest = arena.isClosed();
        if (closedByTest) {
            ranges = resource.lastSeenRanges();
        }
        try {
            if (checked && !closedByTest) {
                checkLeaksAndReclamation(arena, resource.settings(), context, problems);
            }
        } catch (IllegalStateException e) {
            // The test's own thread may still be closing the arena; that is closing it, not a leak.
            if (!arena.isClosed()) {
                throw e;
            }
            problems.clear();
        } finally {
            closeQuietly(arena);
            if (checked) {
                checkOs(ranges, context, problems);
            }
        }
        return problems;
    }

    /** Closes the arena unless someone else did, and drops it from {@link LiveArenas}. */
    static void closeQuietly(HakmemArena arena) {
        try {
            if (!arena.isClosed()) {
                arena.close();
            }
        } catch (IllegalStateException e) {
            if (!arena.isClosed()) {
                throw e;
            }
        } finally {
            LiveArenas.remove(arena);
        }
    }

    private static void checkLeaksAndReclamation(
            HakmemArena arena, ArenaSettings settings, ExtensionContext context, List<String> problems) {
        HakmemStats stats = arena.stats();
        if (stats.liveBlocks() > 0) {
            String report = LeakReport.describe(arena, stats, settings, testName(context), LeakReport.INJECTED);
            if (report != null) {
                problems.add(report);
            }
            // Suppressed blocks are still live: the arena cannot be empty after trim().
            return;
        }
        arena.trim();
        HakmemStats trimmed = arena.stats();
        if (!ReclamationReport.reclaimed(trimmed)) {
            problems.add(ReclamationReport.describe(arena, trimmed, testName(context)));
        }
    }

    private static void checkOs(List<AddressRange> ranges, ExtensionContext context, List<String> problems) {
        if (!OsMappings.available()) {
            return;
        }
        List<String> still = ReleasedRanges.stillMapped(ranges);
        if (!still.isEmpty()) {
            problems.add("hakmem OS check failed: after close(), /proc/self/maps still shows "
                    + LeakReport.plural(still.size(), "mapping") + " of the arena of " + testName(context)
                    + " that no other open arena holds (it had " + ranges + "):\n  " + String.join("\n  ", still));
        }
    }

    static String testName(ExtensionContext context) {
        String className = context.getTestClass().map(Class::getSimpleName).orElse("?");
        return context.getTestMethod()
                .map(m -> className + "." + m.getName() + "()"
                        + (context.getDisplayName().startsWith(m.getName() + "(")
                                ? ""
                                : " [" + context.getDisplayName() + "]"))
                .orElse(className + " (class-level arena)");
    }
}
