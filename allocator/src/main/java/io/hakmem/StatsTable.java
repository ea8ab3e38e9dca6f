package io.hakmem;

import io.hakmem.text.ByteUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * The per-class table of one arena, in the manner of mimalloc's {@code mi_stats_print} and
 * jemalloc's {@code malloc_stats_print}: one row per size class in use, bytes in binary units,
 * block counts exact so that they can be checked against a program's own numbers.
 */
@NullMarked
final class StatsTable {

    private static final String[] HEADER = {
        "block", "live", "in use", "cached", "free", "spans", "resident", "allocs", "frees"
    };
    private static final long SUPERSLAB = 2L << 20;

    private StatsTable() {}

    /**
     * Renders one arena.
     *
     * @param name the arena's name
     * @param state a word or two on its state, e.g. "open at exit"
     * @param stats its counters
     * @param classes its classes in use, as {@code classStats()} returns them
     * @return the table, lines ending in '\n'
     */
    static String render(String name, String state, HakmemStats stats, List<SizeClassStats> classes) {
        List<String[]> rows = new ArrayList<>();
        long live = 0;
        long inUse = 0;
        long cached = 0;
        long free = 0;
        long spans = 0;
        long resident = 0;
        long allocs = 0;
        long frees = 0;
        for (SizeClassStats c : classes) {
            rows.add(new String[] {
                ByteUnits.format(c.blockSize()),
                count(c.liveBlocks()),
                ByteUnits.format(c.liveBlockBytes()),
                count(c.cachedBlocks()),
                count(c.freeBlocks()),
                count(c.spans()),
                ByteUnits.format(c.residentBytes()),
                count(c.allocations()),
                count(c.frees())
            });
            live += c.liveBlocks();
            inUse += c.liveBlockBytes();
            cached += c.cachedBlocks();
            free += c.freeBlocks();
            spans += c.spans();
            resident = resident < 0 || c.residentBytes() < 0 ? -1 : resident + c.residentBytes();
            allocs += c.allocations();
            frees += c.frees();
        }
        if (stats.largeMappings() > 0) {
            long largeBytes = stats.mappedBytes() - stats.superSlabsLive() * SUPERSLAB;
            rows.add(new String[] {
                "large", count(stats.largeMappings()), ByteUnits.format(largeBytes), "", "", "", "", "", ""
            });
            live += stats.largeMappings();
            inUse += largeBytes;
        }
        rows.add(new String[] {
            "total",
            count(live),
            ByteUnits.format(inUse),
            count(cached),
            count(free),
            count(spans),
            ByteUnits.format(resident),
            count(allocs),
            count(frees)
        });
        StringBuilder out = new StringBuilder();
        out.append("hakmem: arena \"").append(name).append("\" (").append(state).append(")\n");
        out.append(columns(rows));
        out.append(String.format(
                Locale.ROOT,
                "  requested %s live; mapped %s, resident %s, overhead %s%n",
                ByteUnits.format(stats.liveBytes()),
                ByteUnits.format(stats.mappedBytes()),
                ByteUnits.format(stats.residentBytes()),
                percent(stats.overheadPercent())));
        out.append(String.format(
                Locale.ROOT,
                "  SuperSlabs %d live, %d mapped, %d released; %d slabs purged; %d failed allocations; "
                        + "%d double frees caught%n",
                stats.superSlabsLive(),
                stats.superSlabsMappedTotal(),
                stats.superSlabsReleasedTotal(),
                stats.slabsPurged(),
                stats.allocFailures(),
                stats.doubleFreesDetected()));
        return out.toString();
    }

    /**
     * Renders the totals of arenas closed before exit, per class.
     *
     * @param totals what the closed arenas added up to
     * @return the table, lines ending in '\n'; one line when no arena was closed
     */
    static String renderClosed(ClosedArenaTotals.Snapshot totals) {
        if (totals.arenas() == 0) {
            return "hakmem: no arena closed\n";
        }
        String[] header = {"block", "allocs", "frees", "live at close"};
        List<String[]> rows = new ArrayList<>();
        long allocs = 0;
        long frees = 0;
        long leaked = 0;
        for (ClosedArenaTotals.ClassTotals c : totals.classes()) {
            rows.add(new String[] {
                ByteUnits.format(c.blockSize()), count(c.allocations()), count(c.frees()), count(c.liveAtClose())
            });
            allocs += c.allocations();
            frees += c.frees();
            leaked += c.liveAtClose();
        }
        if (totals.largeLiveAtClose() > 0) {
            rows.add(new String[] {"large", "", "", count(totals.largeLiveAtClose())});
            leaked += totals.largeLiveAtClose();
        }
        rows.add(new String[] {"total", count(allocs), count(frees), count(leaked)});
        return "hakmem: " + totals.arenas() + (totals.arenas() == 1 ? " arena" : " arenas")
                + " closed before exit; SuperSlabs mapped over their lives: " + totals.superSlabsMappedTotal() + "\n"
                + columns(header, rows)
                + "  freed by close: " + ByteUnits.format(totals.liveBytesAtClose()) + " requested in "
                + count(leaked) + " blocks never freed\n";
    }

    private static String columns(List<String[]> rows) {
        return columns(HEADER, rows);
    }

    /** Right-aligned columns, each as wide as its widest cell. */
    private static String columns(String[] header, List<String[]> rows) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        for (String[] row : rows) {
            line(out, row, width);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append(' ');
        for (int i = 0; i < cells.length; i++) {
            out.append("  ").append(" ".repeat(width[i] - cells[i].length())).append(cells[i]);
        }
        // Blank trailing cells (the large row's) leave no trailing spaces.
        int end = out.length();
        while (out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", p);
    }
}
