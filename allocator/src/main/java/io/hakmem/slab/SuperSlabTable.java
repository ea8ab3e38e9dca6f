package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Address to SuperSlab: one mask, then a probe in an open-addressing table. Readers take no lock:
 * writers (under the heap lock) publish a new table through a volatile field.
 */
@NullMarked
final class SuperSlabTable {

    private volatile @Nullable SuperSlab[] table = new SuperSlab[16];
    private int count;

    @Nullable SuperSlab lookup(long address) {
        long key = address >>> SuperSlab.SHIFT;
        @Nullable SuperSlab[] t = table;
        int mask = t.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            SuperSlab s = t[i];
            if (s == null || s.base >>> SuperSlab.SHIFT == key) {
                return s;
            }
        }
    }

    void add(SuperSlab superSlab) {
        count++;
        rebuild(superSlab, null);
    }

    void remove(SuperSlab superSlab) {
        count--;
        rebuild(null, superSlab);
    }

    private void rebuild(@Nullable SuperSlab added, @Nullable SuperSlab removed) {
        int size = 16;
        while (size < count * 4) {
            size <<= 1;
        }
        @Nullable SuperSlab[] next = new SuperSlab[size];
        for (SuperSlab s : table) {
            if (s != null && s != removed) {
                insert(next, s);
            }
        }
        if (added != null) {
            insert(next, added);
        }
        table = next;
    }

    private static void insert(@Nullable SuperSlab[] t, SuperSlab s) {
        int mask = t.length - 1;
        int i = hash(s.base >>> SuperSlab.SHIFT) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = s;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
