package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** The slab layer's counters, written under the heap lock. */
@NullMarked
public final class SlabCounters {
    long superSlabsLive;
    long superSlabsMapped;
    long superSlabsReleased;
    long superSlabFrees;
    long emptySuperSlabsDetected;
    long allocFailures;
    long slabsPurged;
    long doubleFreesDetected;

    /** {@return SuperSlabs mapped now, cached empty ones included} */
    public long superSlabsLive() {
        return superSlabsLive;
    }

    /** {@return SuperSlabs ever mapped} */
    public long superSlabsMapped() {
        return superSlabsMapped;
    }

    /** {@return SuperSlabs given back to the OS} */
    public long superSlabsReleased() {
        return superSlabsReleased;
    }

    /** {@return frees that reached a span} */
    public long superSlabFrees() {
        return superSlabFrees;
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
