package io.hakmem.bench.jmh;

import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A bounded single-producer single-consumer queue of block handles: two counters and an array,
 * cheap enough that the allocators, not the hand-over, dominate the cross-thread workloads.
 */
@NullMarked
final class SpscRing {
    /** Counter slots 128 bytes apart, so producer and consumer do not share a cache line. */
    private static final int HEAD = 16;

    private static final int TAIL = 32;

    private final @Nullable Object[] slots;
    private final int mask;
    private final AtomicLongArray counters = new AtomicLongArray(48);

    /** @param capacity a power of two */
    SpscRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, not " + capacity);
        }
        slots = new Object[capacity];
        mask = capacity - 1;
    }

    /**
     * Producer only.
     *
     * @param value a block handle
     * @return false if the ring is full
     */
    boolean offer(Object value) {
        long t = counters.getPlain(TAIL);
        if (t - counters.getAcquire(HEAD) == slots.length) {
            return false;
        }
        slots[(int) t & mask] = value;
        counters.setRelease(TAIL, t + 1);
        return true;
    }

    /**
     * Consumer only.
     *
     * @return the oldest handle, or null if the ring is empty
     */
    @Nullable
    Object poll() {
        long h = counters.getPlain(HEAD);
        if (h == counters.getAcquire(TAIL)) {
            return null;
        }
        int index = (int) h & mask;
        Object value = slots[index];
        slots[index] = null;
        counters.setRelease(HEAD, h + 1);
        return value;
    }
}
