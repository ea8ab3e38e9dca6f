package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** The slab layer's counters, written under the heap lock. */
@NullMarked
public final class SlabCounters {
    long superSlabsLive;
    long superSlabsMappedTotal;
    long superSlabsReleasedTotal;
    long blockFreesToSpans;
    long emptySuperSlabsDetected;
    long allocFailures;
    long slabsPurged;
    long doubleFreesDetected;

    /** {@return SuperSlabs mapped now, cached empty ones included} */
    public long superSlabsLive() {
        return superSlabsLive;
    }

    /** {@return SuperSlabs ever mapped, cumulative} */
    public long superSlabsMappedTotal() {
        return superSlabsMappedTotal;
    }

    /** {@return SuperSlabs given back to the OS, cumulative} */
    public long superSlabsReleasedTotal() {
        return superSlabsReleasedTotal;
    }

    /** {@return block frees that reached a span, cumulative} */
    public long blockFreesToSpans() {
        return blockFreesToSpans;
    }

    /** {@return SuperSlabs found empty} */
    public long emptySuperSlabsDetected() {
        return emptySuperSlabsDetected;
    }

    /** {@return failed allocations} */
    public long allocFailures() {
        return allocFailures;
    }

    /** {@return slabs purged} */
    public long slabsPurged() {
        return slabsPurged;
    }

    /** {@return remote frees found to be double frees when their queue was collected} */
    public long doubleFreesDetected() {
        return doubleFreesDetected;
    }
}
