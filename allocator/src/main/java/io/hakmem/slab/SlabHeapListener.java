package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** Slow-path events of a {@link SlabHeap}, for observability. Called with the heap lock held. */
@NullMarked
public interface SlabHeapListener {

    /** A listener that ignores everything. */
    SlabHeapListener NONE = new SlabHeapListener() { };

    /** A SuperSlab was mapped at {@code base}. */
    default void superSlabMapped(long base) {
    }

    /** A SuperSlab went back to the OS after living {@code lifetimeNanos}. */
    default void superSlabReleased(long base, long lifetimeNanos, ReleaseReason reason) {
    }

    /** {@code slabs} slabs from {@code address} were purged. */
    default void slabsPurged(long address, int slabs) {
    }

    /** An allocation failed while mapping {@code mappingBytes}; {@code why} is the error's message. */
    default void allocationFailed(String why, long mappingBytes) {
    }
}
