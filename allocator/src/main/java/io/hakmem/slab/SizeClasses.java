package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/**
 * The size classes. Tiny: every multiple of 8 up to 64, then four classes per power of two up
 * to 1 KiB (hakmem's power-of-two classes are among them). Medium: four classes per power of
 * two up to 256 KiB. Each class is served by spans of 1-8 slabs chosen to waste little.
 */
@NullMarked
public final class SizeClasses {

    /** Slab size: 64 KiB. */
    public static final int SLAB_SHIFT = 16;
    /** Largest block served from slabs; larger blocks get a dedicated mapping. */
    public static final int MAX_SMALL = 256 * 1024;
    /** Largest alignment served from slabs. */
    public static final int MAX_SMALL_ALIGNMENT = 4096;
    /** Largest tiny block: tiny classes step by 8 B up to 64 B, then by a quarter power of two. */
    public static final int MAX_TINY = 1024;

    private static final int[] SIZES = buildSizes();
    private static final int[] SPAN_SLABS = new int[SIZES.length];
    private static final int[] CAPACITY = new int[SIZES.length];
    /**
     * ceil(2^32 / size). The product's error stays below off / 2^32, so {@code off * MAGIC >>> 32}
     * equals {@code off / size} while off * size is below 2^32: true for every block size under
     * 8 KiB in spans of at most 512 KiB. Larger classes divide.
     */
    private static final long[] MAGIC = new long[SIZES.length];

    private static final byte[] CLASS_LOOKUP = new byte[MAX_SMALL / 8 + 1];
    private static final int TINY_COUNT;

    static {
        int tiny = 0;
        for (int sizeClass = 0; sizeClass < SIZES.length; sizeClass++) {
            int size = SIZES[sizeClass];
            SPAN_SLABS[sizeClass] = bestSpan(size);
            CAPACITY[sizeClass] = (SPAN_SLABS[sizeClass] << SLAB_SHIFT) / size;
            MAGIC[sizeClass] = ((1L << 32) + size - 1) / size;
            if (size <= MAX_TINY) {
                tiny = sizeClass + 1;
            }
        }
        TINY_COUNT = tiny;
        int sizeClass = 0;
        for (int i = 0; i < CLASS_LOOKUP.length; i++) {
            while (SIZES[sizeClass] < i * 8) {
                sizeClass++;
            }
            CLASS_LOOKUP[i] = (byte) sizeClass;
        }
    }

    private SizeClasses() {}

    private static int[] buildSizes() {
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        for (int s = 8; s <= 64; s += 8) {
            sizes.add(s);
        }
        for (int p = 64; p < MAX_SMALL; p <<= 1) {
            sizes.add(p + p / 4);
            sizes.add(p + p / 2);
            sizes.add(p + 3 * p / 4);
            sizes.add(2 * p);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The span length in slabs whose tail waste is smallest, preferring short spans. */
    private static int bestSpan(int size) {
        int best = 1;
        double bestWaste = 1.0;
        for (int k = 1; k <= 8; k++) {
            long bytes = (long) k << SLAB_SHIFT;
            if (bytes < size) {
                continue;
            }
            double waste = (double) (bytes % size) / bytes;
            if (waste <= 1.0 / 16) {
                return k;
            }
            if (waste < bestWaste) {
                bestWaste = waste;
                best = k;
            }
        }
        return best;
    }

    /** {@return the number of classes} */
    public static int count() {
        return SIZES.length;
    }

    /** {@return the number of tiny classes; tiny classes are 0 .. tinyCount()-1} */
    public static int tinyCount() {
        return TINY_COUNT;
    }

    /**
     * The fast paths' lookup, one table load; thread caches hold every class.
     *
     * @param size requested bytes, 1 .. {@link #MAX_SMALL}
     * @return the class holding {@code size} with 8-byte alignment
     */
    public static int classOf(long size) {
        // The classes up to 64 B step by 8: arithmetic, which a constant size folds away.
        if (size <= 64) {
            return ((int) size + 7 >>> 3) - 1;
        }
        return CLASS_LOOKUP[(int) (size + 7) >>> 3];
    }

    /**
     * @param size requested bytes, 0 .. {@link #MAX_SMALL}
     * @param alignment a power of two
     * @return the smallest class holding {@code size} whose blocks are {@code alignment}-aligned,
     *     or -1 when only a dedicated mapping can serve the request
     */
    public static int classFor(long size, long alignment) {
        if (size > MAX_SMALL || alignment > MAX_SMALL_ALIGNMENT) {
            return -1;
        }
        // Every class is a multiple of 8: the lookup serves alignments up to 8 as they are.
        int sizeClass = CLASS_LOOKUP[(int) (size + 7) >>> 3];
        // Every block starts at span base + i * size and spans are 64 KiB-aligned, so a class
        // serves an alignment exactly when its size is a multiple of it.
        while (sizeClass < SIZES.length && (SIZES[sizeClass] & (alignment - 1)) != 0) {
            sizeClass++;
        }
        return sizeClass < SIZES.length ? sizeClass : -1;
    }

    /** {@return the block size of class {@code sizeClass}} */
    public static int size(int sizeClass) {
        return SIZES[sizeClass];
    }

    /** {@return slabs per span of class {@code sizeClass}} */
    public static int spanSlabs(int sizeClass) {
        return SPAN_SLABS[sizeClass];
    }

    /** {@return blocks per span of class {@code sizeClass}} */
    public static int capacity(int sizeClass) {
        return CAPACITY[sizeClass];
    }

    /** {@return the multiplier for {@link Span#indexOf}, or 0 when class {@code sizeClass} must divide} */
    public static long magic(int sizeClass) {
        return SIZES[sizeClass] < 8192 ? MAGIC[sizeClass] : 0;
    }
}
