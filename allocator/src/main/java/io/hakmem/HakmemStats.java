package io.hakmem;

import io.hakmem.text.ByteUnits;
import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * A snapshot of one arena's counters, taken by {@link HakmemArena#stats()}.
 *
 * <p>The counters of one snapshot are read together but not atomically with respect to threads
 * that allocate at the same moment; once those threads are joined, a snapshot is exact.
 *
 * <pre>{@code
 * HakmemStats stats = arena.stats();
 * System.out.printf("%d blocks, %.1f %% overhead%n", stats.liveBlocks(), stats.overheadPercent());
 * }</pre>
 *
 * @param liveBlocks blocks handed out and not yet freed, in users' hands only
 * @param liveBytes the requested bytes of those blocks
 * @param superSlabsLive SuperSlabs currently mapped
 * @param superSlabsMappedTotal SuperSlabs ever mapped (cumulative)
 * @param superSlabsReleasedTotal SuperSlabs given back to the OS (cumulative)
 * @param blockFreesToSpans block frees that reached a span, past every thread cache: the locked
 *     frees, and the blocks that caches flushed, drained or gave up (cumulative)
 * @param emptySuperSlabsDetected times a SuperSlab was found with no block in users' hands
 * @param allocFailures allocations that failed with {@link OutOfMemoryError}
 * @param magazineBlocks free blocks parked in thread caches
 * @param mappedBytes bytes currently mapped: SuperSlabs plus dedicated large mappings
 * @param residentBytes bytes of those mappings that the OS holds in RAM, or -1 where the OS
 *     cannot tell (the portable backend)
 * @param largeMappings dedicated mappings currently live for large or over-aligned blocks
 * @param slabsPurged 64 KiB slabs whose pages were handed back with {@code madvise} (cumulative)
 * @param doubleFreesDetected double frees that two threads raced, both calls returning; each was
 *     caught when the remote-free queue was collected and dropped, never recycling the block twice
 *     (cumulative; a double free that is not a race throws at the call instead)
 */
@NullMarked
public record HakmemStats(
        long liveBlocks,
        long liveBytes,
        long superSlabsLive,
        long superSlabsMappedTotal,
        long superSlabsReleasedTotal,
        long blockFreesToSpans,
        long emptySuperSlabsDetected,
        long allocFailures,
        long magazineBlocks,
        long mappedBytes,
        long residentBytes,
        long largeMappings,
        long slabsPurged,
        long doubleFreesDetected) {

    /**
     * Resident bytes over live bytes, in percent: {@code 100 * (resident - live) / live}.
     *
     * @return the overhead, 0 when nothing is live and nothing resident, {@code NaN} when resident
     *     memory is unknown or nothing is live while memory is still resident
     */
    public double overheadPercent() {
        if (residentBytes < 0) {
            return Double.NaN;
        }
        if (liveBytes == 0) {
            return residentBytes == 0 ? 0.0 : Double.NaN;
        }
        return 100.0 * (residentBytes - liveBytes) / liveBytes;
    }

    /**
     * {@return the counters for people: sizes in binary units (exact byte counts stay available
     * through the accessors), e.g. {@code HakmemStats[liveBlocks=100, liveBytes=1.6 KiB,
     * mapped=2.0 MiB, resident=8.0 KiB, overhead=412.0 %, ...]}}
     */
    @Override
    public String toString() {
        return "HakmemStats[liveBlocks=" + liveBlocks
                + ", liveBytes=" + ByteUnits.format(liveBytes)
                + ", mapped=" + ByteUnits.format(mappedBytes)
                + ", resident=" + ByteUnits.format(residentBytes)
                + ", overhead="
                + (Double.isNaN(overheadPercent()) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", overheadPercent()))
                + ", magazineBlocks=" + magazineBlocks
                + ", superSlabs=" + superSlabsLive + " live/" + superSlabsMappedTotal + " mapped/"
                + superSlabsReleasedTotal + " released"
                + ", blockFreesToSpans=" + blockFreesToSpans
                + ", emptySuperSlabsDetected=" + emptySuperSlabsDetected
                + ", largeMappings=" + largeMappings
                + ", slabsPurged=" + slabsPurged
                + ", allocFailures=" + allocFailures
                + ", doubleFreesDetected=" + doubleFreesDetected + "]";
    }
}
