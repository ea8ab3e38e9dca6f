package io.hakmem.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Address to span for the whole process, one entry per 64 KiB slab, by direct index: the free
 * path reaches a block's span in two loads after its address, where the SuperSlab map takes
 * four (leaf, SuperSlab, its span table, the span). Leaves cover 4 GiB each and are created
 * the first time a span lands in their range: 256 KiB each, and 256 KiB for the root. Addresses
 * past 48 bits are not mapped here; the free path then asks the {@link SuperSlabMap}.
 *
 * <p>Readers take no lock and may see a span a moment after it was dissolved, or none a moment
 * after it was formed; both fall back to the locked checks. A valid free cannot meet either: its
 * block is LIVE, so its span has blocks out and stays. Writers are serialised by the heap lock
 * of the SuperSlab's heap, and leaves are created under this class's monitor.
 */
@NullMarked
final class SpanMap {

    private static final int LEAF_BITS = 16;
    private static final int ROOT_BITS = 48 - SizeClasses.SLAB_SHIFT - LEAF_BITS;
    private static final int LEAF_MASK = (1 << LEAF_BITS) - 1;
    private static final @Nullable Span[] @Nullable [] ROOT = new Span[1 << ROOT_BITS][];
    private static final VarHandle ROOT_SLOT = MethodHandles.arrayElementVarHandle(Span[][].class);
    private static final VarHandle LEAF_SLOT = MethodHandles.arrayElementVarHandle(Span[].class);

    private SpanMap() {}

    /** {@return the span of any arena whose slabs contain {@code address}, or null; lock-free} */
    static @Nullable Span lookup(long address) {
        if (!covers(address)) {
            return null;
        }
        long key = address >>> SizeClasses.SLAB_SHIFT;
        @Nullable Span[] leaf = ROOT[(int) (key >>> LEAF_BITS)];
        return leaf == null ? null : leaf[(int) key & LEAF_MASK];
    }

    /** {@return whether {@code address} is within the 48 bits this map covers} */
    static boolean covers(long address) {
        return address >>> (SizeClasses.SLAB_SHIFT + ROOT_BITS + LEAF_BITS) == 0;
    }

    /** Maps slab {@code slab} of {@code ss} to {@code span}, or to nothing. */
    static void set(SuperSlab ss, int slab, @Nullable Span span) {
        if (!covers(ss.base)) {
            return;
        }
        long key = (ss.base >>> SizeClasses.SLAB_SHIFT) + slab;
        @Nullable Span[] leaf = leaf((int) (key >>> LEAF_BITS));
        // Released: a reader that finds the span finds its final fields, and they are all it reads.
        LEAF_SLOT.setRelease(leaf, (int) key & LEAF_MASK, span);
    }

    private static @Nullable Span[] leaf(int r) {
        @Nullable Span[] leaf = ROOT[r];
        if (leaf != null) {
            return leaf;
        }
        synchronized (SpanMap.class) {
            leaf = ROOT[r];
            if (leaf == null) {
                leaf = new Span[1 << LEAF_BITS];
                // Released: a reader that finds the leaf finds it fully built.
                ROOT_SLOT.setRelease(ROOT, r, leaf);
            }
            return leaf;
        }
    }
}
