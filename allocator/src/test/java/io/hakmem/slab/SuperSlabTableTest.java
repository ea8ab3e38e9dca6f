package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address to SuperSlab, through growth and removal. Nothing here touches the SuperSlabs' memory. */
class SuperSlabTableTest {

    private final SlabHeap heap = new SlabHeap(new RecordingOsMemory(),
            new HeapPolicy(0, 0, 0, Long.MAX_VALUE), ArenaListener.NONE);

    @Test
    void findsTheSuperSlabOfEveryAddressInsideIt() {
        SuperSlabTable table = new SuperSlabTable();
        List<SuperSlab> added = new ArrayList<>();
        // Far more than the first table's 16 slots, and bases that collide in the low bits.
        for (long k = 1; k <= 100; k++) {
            SuperSlab ss = new SuperSlab(heap, (k * 1024 + 7) << SuperSlab.SHIFT);
            table.add(ss);
            added.add(ss);
        }
        for (SuperSlab ss : added) {
            assertThat(table.lookup(ss.base)).isSameAs(ss);
            assertThat(table.lookup(ss.base + SuperSlab.SIZE / 2)).isSameAs(ss);
            assertThat(table.lookup(ss.base + SuperSlab.SIZE - 1)).isSameAs(ss);
        }
        assertThat(table.lookup(7L << SuperSlab.SHIFT)).isNull();
        assertThat(table.lookup(added.get(0).base - 1)).isNull();
    }

    @Test
    void aRemovedSuperSlabIsGoneAndTheOthersStay() {
        SuperSlabTable table = new SuperSlabTable();
        List<SuperSlab> added = new ArrayList<>();
        for (long k = 1; k <= 40; k++) {
            SuperSlab ss = new SuperSlab(heap, k << SuperSlab.SHIFT);
            table.add(ss);
            added.add(ss);
        }
        for (int i = 0; i < added.size(); i += 2) {
            table.remove(added.get(i));
        }
        for (int i = 0; i < added.size(); i++) {
            SuperSlab ss = added.get(i);
            assertThat(table.lookup(ss.base + 4096)).as("SuperSlab %d", i).isSameAs(i % 2 == 0 ? null : ss);
        }
        for (int i = 1; i < added.size(); i += 2) {
            table.remove(added.get(i));
        }
        assertThat(added).allSatisfy(ss -> assertThat(table.lookup(ss.base)).isNull());
    }
}
