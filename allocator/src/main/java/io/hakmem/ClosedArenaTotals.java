package io.hakmem;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.NullMarked;

/**
 * What arenas closed before exit added up to, for the exit table: their memory is gone, so only
 * counts remain. Filled only while the exit table is on.
 */
@NullMarked
final class ClosedArenaTotals {

    /** One size class over all closed arenas. */
    record ClassTotals(long blockSize, long allocations, long frees, long liveAtClose) {}

    /** The totals at one moment. */
    record Snapshot(
            long arenas,
            long superSlabsMappedTotal,
            long largeLiveAtClose,
            long liveBytesAtClose,
            List<ClassTotals> classes) {}

    private final TreeMap<Long, long[]> byBlockSize = new TreeMap<>();
    private long arenas;
    private long superSlabsMappedTotal;
    private long largeLiveAtClose;
    private long liveBytesAtClose;

    synchronized void add(HakmemStats stats, List<SizeClassStats> classes) {
        arenas++;
        superSlabsMappedTotal += stats.superSlabsMappedTotal();
        largeLiveAtClose += stats.largeMappings();
        liveBytesAtClose += stats.liveBytes();
        for (SizeClassStats c : classes) {
            long[] t = byBlockSize.computeIfAbsent(c.blockSize(), k -> new long[3]);
            t[0] += c.allocations();
            t[1] += c.frees();
            t[2] += c.liveBlocks();
        }
    }

    synchronized Snapshot snapshot() {
        List<ClassTotals> classes = new ArrayList<>();
        byBlockSize.forEach((size, t) -> classes.add(new ClassTotals(size, t[0], t[1], t[2])));
        return new Snapshot(arenas, superSlabsMappedTotal, largeLiveAtClose, liveBytesAtClose, classes);
    }
}
