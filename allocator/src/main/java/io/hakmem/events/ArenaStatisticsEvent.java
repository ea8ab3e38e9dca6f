package io.hakmem.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.NullMarked;

/**
 * One open arena's counters, emitted periodically for every open arena: the allocator's
 * counterpart of the JDK's periodic {@code jdk.GCHeapSummary}. {@code io.hakmem} fills it, as
 * only that layer reads the public statistics. The period comes from the recording's settings
 * ({@code META-INF/hakmem/hakmem.jfc} sets 1 s); without settings it is the annotation's.
 */
@NullMarked
@Name("hakmem.ArenaStatistics")
@Category("hakmem")
@Label("Arena Statistics")
@Description("The counters of one open hakmem arena, taken periodically on the reading side")
@Period("10 s")
@StackTrace(false)
public final class ArenaStatisticsEvent extends Event {

    /** The arena's name. */
    @Label("Arena")
    public String arena = "";

    /** Blocks in users' hands. */
    @Label("Live Blocks")
    public long liveBlocks;

    /** Requested bytes of those blocks. */
    @Label("Live Bytes")
    @DataAmount
    public long liveBytes;

    /** Bytes mapped now. */
    @Label("Mapped Bytes")
    @DataAmount
    public long mappedBytes;

    /** Bytes of those mappings in RAM, -1 when unknown. */
    @Label("Resident Bytes")
    @DataAmount
    public long residentBytes;

    /** Resident over live, in percent; NaN when unknown. */
    @Label("Overhead Percent")
    public double overheadPercent;

    /** Free blocks parked in thread caches. */
    @Label("Magazine Blocks")
    public long magazineBlocks;

    /** SuperSlabs mapped now. */
    @Label("SuperSlabs Live")
    public long superSlabsLive;

    /** SuperSlabs ever mapped, cumulative. */
    @Label("SuperSlabs Mapped, Total")
    public long superSlabsMappedTotal;

    /** SuperSlabs given back, cumulative. */
    @Label("SuperSlabs Released, Total")
    public long superSlabsReleasedTotal;

    /** Block frees that reached a span, cumulative. */
    @Label("Block Frees To Spans")
    public long blockFreesToSpans;

    /** Times a SuperSlab was found empty. */
    @Label("Empty SuperSlabs Detected")
    public long emptySuperSlabsDetected;

    /** Allocations that failed. */
    @Label("Allocation Failures")
    public long allocFailures;

    /** Dedicated mappings of large blocks. */
    @Label("Large Mappings")
    public long largeMappings;

    /** Slabs purged. */
    @Label("Slabs Purged")
    public long slabsPurged;

    /** Raced double frees caught. */
    @Label("Double Frees Detected")
    public long doubleFreesDetected;
}
