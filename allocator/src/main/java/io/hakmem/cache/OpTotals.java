package io.hakmem.cache;

import org.jspecify.annotations.NullMarked;

/**
 * A snapshot of {@link OpCounters}, or a sum of several.
 *
 * @param allocs blocks handed out
 * @param allocBytes their requested bytes
 * @param frees blocks given back
 * @param freeBytes their requested bytes
 * @param remoteFrees frees among them sent to another thread's span
 * @param remoteFreeBlockBytes the block sizes of those
 */
@NullMarked
public record OpTotals(
        long allocs, long allocBytes, long frees, long freeBytes, long remoteFrees, long remoteFreeBlockBytes) {

    /** Nothing counted. */
    public static final OpTotals NONE = new OpTotals(0, 0, 0, 0, 0, 0);

    /** {@return these counts plus {@code other}'s} */
    public OpTotals plus(OpTotals other) {
        return new OpTotals(
                allocs + other.allocs,
                allocBytes + other.allocBytes,
                frees + other.frees,
                freeBytes + other.freeBytes,
                remoteFrees + other.remoteFrees,
                remoteFreeBlockBytes + other.remoteFreeBlockBytes);
    }

    /** {@return blocks handed out and not given back} */
    public long liveBlocks() {
        return allocs - frees;
    }

    /** {@return the requested bytes of those blocks} */
    public long liveBytes() {
        return allocBytes - freeBytes;
    }

    /** {@return allocations plus frees} */
    public long operations() {
        return allocs + frees;
    }
}
