package io.hakmem.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Address to SuperSlab for the whole process, by direct index as mimalloc's segment map: the
 * address shifted by 21 bits picks a leaf array and a slot in it, two loads and no hash. Leaves
 * cover 16 GiB each and are created the first time a SuperSlab lands in their range, so the
 * map costs 32 KiB per 16 GiB of address space in use. Addresses past the 48-bit user space of
 * x86-64 and AArch64 (5-level paging) fall back to a hash map.
 *
 * <p>Readers take no lock and may see an entry a moment after it was removed; every caller checks
 * the segment's scope against the SuperSlab's, which a released SuperSlab has closed. Writers
 * are serialised by this class's monitor.
 */
@NullMarked
final class SuperSlabMap {

    private static final int LEAF_BITS = 13;
    private static final int ROOT_BITS = 48 - SuperSlab.SHIFT - LEAF_BITS;
    private static final @Nullable SuperSlab[] @Nullable [] ROOT = new SuperSlab[1 << ROOT_BITS][];
    private static final ConcurrentHashMap<Long, SuperSlab> BEYOND = new ConcurrentHashMap<>();
    private static final VarHandle ROOT_SLOT = MethodHandles.arrayElementVarHandle(SuperSlab[][].class);
    private static final VarHandle LEAF_SLOT = MethodHandles.arrayElementVarHandle(SuperSlab[].class);

    private SuperSlabMap() {}

    /** {@return the SuperSlab of any arena containing {@code address}, or null; lock-free} */
    static @Nullable SuperSlab lookup(long address) {
        long key = address >>> SuperSlab.SHIFT;
        if (key >>> (ROOT_BITS + LEAF_BITS) != 0) {
            return BEYOND.get(key);
        }
        @Nullable SuperSlab[] leaf = ROOT[(int) (key >>> LEAF_BITS)];
        return leaf == null ? null : leaf[(int) key & ((1 << LEAF_BITS) - 1)];
    }

    static synchronized void add(SuperSlab superSlab) {
        put(superSlab.base >>> SuperSlab.SHIFT, superSlab);
    }

    static synchronized void remove(SuperSlab superSlab) {
        put(superSlab.base >>> SuperSlab.SHIFT, null);
    }

    private static void put(long key, @Nullable SuperSlab value) {
        if (key >>> (ROOT_BITS + LEAF_BITS) != 0) {
            if (value == null) {
                BEYOND.remove(key);
            } else {
                BEYOND.put(key, value);
            }
            return;
        }
        int r = (int) (key >>> LEAF_BITS);
        @Nullable SuperSlab[] leaf = ROOT[r];
        if (leaf == null) {
            leaf = new SuperSlab[1 << LEAF_BITS];
            // Released: a reader that finds the leaf finds it fully built.
            ROOT_SLOT.setRelease(ROOT, r, leaf);
        }
        LEAF_SLOT.setRelease(leaf, (int) key & ((1 << LEAF_BITS) - 1), value);
    }
}
