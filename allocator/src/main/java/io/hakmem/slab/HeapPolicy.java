package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/**
 * The limits and delays a {@link SlabHeap} works by: the slab layer's share of an arena's settings,
 * so that this layer reads no public configuration type and can be built alone in a test.
 *
 * <pre>{@code
 * HeapPolicy policy = new HeapPolicy(10_000_000, 64L << 20, 1, Long.MAX_VALUE);
 * SlabHeap heap = new SlabHeap(os, policy, ArenaListener.NONE);
 * }</pre>
 *
 * @param purgeDelayNanos how long an empty slab stays resident before it is purged; an empty
 *     SuperSlab beyond the kept few stays mapped a thousand times as long
 * @param purgeThresholdBytes bytes of empty slabs allowed to wait for their delay; past it, the
 *     next slow path purges them all
 * @param emptySuperSlabCacheSize empty SuperSlabs kept mapped for reuse
 * @param maxMappedBytes the most bytes the heap may map at once; {@link Long#MAX_VALUE} is no limit
 */
@NullMarked
public record HeapPolicy(
        long purgeDelayNanos, long purgeThresholdBytes, int emptySuperSlabCacheSize, long maxMappedBytes) {

    /**
     * Rejects values the heap cannot work with.
     *
     * @throws IllegalArgumentException naming the field and its value
     */
    public HeapPolicy {
        // The unmap delay is a thousand purge delays: keep that product representable.
        if (purgeDelayNanos < 0 || purgeDelayNanos > Long.MAX_VALUE / 1000) {
            throw new IllegalArgumentException(
                    "purgeDelayNanos must be between 0 and " + Long.MAX_VALUE / 1000 + ", was " + purgeDelayNanos);
        }
        if (purgeThresholdBytes < 0) {
            throw new IllegalArgumentException("purgeThresholdBytes must not be negative, was " + purgeThresholdBytes);
        }
        if (emptySuperSlabCacheSize < 0) {
            throw new IllegalArgumentException(
                    "emptySuperSlabCacheSize must not be negative, was " + emptySuperSlabCacheSize);
        }
        if (maxMappedBytes < SuperSlab.SIZE) {
            throw new IllegalArgumentException(
                    "maxMappedBytes must be at least one SuperSlab (" + SuperSlab.SIZE + "), was " + maxMappedBytes);
        }
    }

    /** {@return how long an empty SuperSlab beyond the kept few stays mapped} */
    long unmapDelayNanos() {
        // Address space is cheap once purged, and unmapping costs a close handshake plus the next
        // mmap: keep an empty SuperSlab far longer than its pages, as mimalloc and jemalloc keep
        // address space, so that churn around a working set never unmaps.
        return 1000 * purgeDelayNanos;
    }
}
