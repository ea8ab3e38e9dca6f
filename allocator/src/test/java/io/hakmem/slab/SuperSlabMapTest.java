package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address to SuperSlab by direct index. Nothing here touches the SuperSlabs' memory. */
class SuperSlabMapTest {

    private final SlabHeap heap =
            new SlabHeap(new RecordingOsMemory(), new HeapPolicy(0, 0, 0, Long.MAX_VALUE), ArenaListener.NONE);

    /** Bases no mmap of this process hands out: one leaf below 2^46, and past the 48-bit space. */
    private static final long LOW = 1L << 45;

    private static final long BEYOND_48_BITS = 1L << 50;

    @Test
    void findsTheSuperSlabOfEveryAddressInsideItAcrossLeavesAndBeyond48Bits() {
        List<SuperSlab> added = new ArrayList<>();
        try {
            for (long k = 0; k < 100; k++) {
                // Every 97th SuperSlab: spread over several 16 GiB leaves.
                added.add(add(LOW + (k * 97 << SuperSlab.SHIFT)));
            }
            added.add(add(BEYOND_48_BITS));
            for (SuperSlab ss : added) {
                assertThat(SuperSlabMap.lookup(ss.base)).isSameAs(ss);
                assertThat(SuperSlabMap.lookup(ss.base + SuperSlab.SIZE / 2)).isSameAs(ss);
                assertThat(SuperSlabMap.lookup(ss.base + SuperSlab.SIZE - 1)).isSameAs(ss);
                assertThat(heap.lookup(ss.base + 4096)).as("through its heap").isSameAs(ss);
                assertThat(SlabHeap.owningHeap(ss.base)).isSameAs(heap);
            }
            assertThat(SuperSlabMap.lookup(LOW + SuperSlab.SIZE))
                    .as("a neighbour never added")
                    .isNull();
            assertThat(SuperSlabMap.lookup(LOW - 1)).isNull();
            assertThat(SuperSlabMap.lookup(BEYOND_48_BITS + SuperSlab.SIZE)).isNull();
        } finally {
            added.forEach(SuperSlabMap::remove);
        }
    }

    @Test
    void aRemovedSuperSlabIsGoneAndTheOthersStay() {
        List<SuperSlab> added = new ArrayList<>();
        for (long k = 0; k < 40; k++) {
            added.add(add(LOW + (1L << 40) + (k << SuperSlab.SHIFT)));
        }
        for (int i = 0; i < added.size(); i += 2) {
            SuperSlabMap.remove(added.get(i));
        }
        for (int i = 0; i < added.size(); i++) {
            SuperSlab ss = added.get(i);
            assertThat(SuperSlabMap.lookup(ss.base + 4096))
                    .as("SuperSlab %d", i)
                    .isSameAs(i % 2 == 0 ? null : ss);
        }
        for (int i = 1; i < added.size(); i += 2) {
            SuperSlabMap.remove(added.get(i));
        }
        assertThat(added)
                .allSatisfy(ss -> assertThat(SuperSlabMap.lookup(ss.base)).isNull());
    }

    @Test
    void anotherHeapsSuperSlabIsNotFoundThroughThisHeap() {
        SlabHeap other =
                new SlabHeap(new RecordingOsMemory(), new HeapPolicy(0, 0, 0, Long.MAX_VALUE), ArenaListener.NONE);
        SuperSlab theirs = new SuperSlab(other, LOW + (1L << 41));
        SuperSlabMap.add(theirs);
        try {
            assertThat(heap.lookup(theirs.base)).isNull();
            assertThat(other.lookup(theirs.base)).isSameAs(theirs);
            assertThat(SlabHeap.owningHeap(theirs.base)).isSameAs(other);
        } finally {
            SuperSlabMap.remove(theirs);
        }
    }

    private SuperSlab add(long base) {
        SuperSlab ss = new SuperSlab(heap, base);
        SuperSlabMap.add(ss);
        return ss;
    }
}
