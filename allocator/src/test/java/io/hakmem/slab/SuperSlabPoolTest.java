package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SuperSlab pool of a heap on its own: mapping, the live list and the empty cache, the books
 * and the delayed purge of dirty slabs, unmapping. No span is formed here; the slab masks stand
 * for the spans a heap would form.
 */
class SuperSlabPoolTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final long SLAB = 1L << SizeClasses.SLAB_SHIFT;

    private final RecordingOsMemory os = new RecordingOsMemory();
    private final RecordingListener listener = new RecordingListener();
    private final List<String> heard = listener.heard;
    private SlabHeap heap = heap(new HeapPolicy(HOUR, 64L << 20, 1, Long.MAX_VALUE));
    private SuperSlabPool pool = heap.pool;

    private SlabHeap heap(HeapPolicy policy) {
        heap = new SlabHeap(os, policy, listener);
        heap.lock();
        pool = heap.pool;
        return heap;
    }

    @AfterEach
    void unmapEverything() {
        pool.unmapAll(ReleaseReason.CLOSE);
        heap.unlock();
    }

    @Test
    void aMappedSuperSlabIsAlignedFoundCountedAndLive() {
        SuperSlab ss = pool.map();

        assertThat(ss).isNotNull();
        assertThat(ss.base % SuperSlab.SIZE).isZero();
        assertThat(os.calls).containsExactly("map " + SuperSlab.SIZE);
        assertThat(heard).containsExactly("mapped");
        assertThat(heap.lookup(ss.base + SuperSlab.SIZE - 1)).isSameAs(ss);
        assertThat(pool.live()).containsExactly(ss);
        assertThat(pool.cachedCount()).isZero();
        assertThat(heap.counters().superSlabsLive()).isEqualTo(1);
        assertThat(heap.counters().superSlabsMappedTotal()).isEqualTo(1);
        assertThat(pool.mappedBytes()).isEqualTo(SuperSlab.SIZE);
    }

    @Test
    void aRefusedMappingIsNullAndCountsNothing() {
        os.refuse = true;

        assertThat(pool.map()).isNull();

        assertThat(heard).isEmpty();
        assertThat(pool.live()).isEmpty();
        assertThat(heap.counters().superSlabsLive()).isZero();
        assertThat(heap.counters().superSlabsMappedTotal()).isZero();
        assertThat(pool.mappedBytes()).isZero();
    }

    @Test
    void theEmptyCacheIsAStackAndAsksForAnUnmapOnlyPastItsSize() {
        SuperSlab a = pool.map();
        SuperSlab b = pool.map();
        long now = System.nanoTime();

        assertThat(pool.retire(a, now)).as("the cache keeps one").isEqualTo(Long.MAX_VALUE);
        assertThat(pool.retire(b, now + 5)).as("one too many").isEqualTo(now + 5 + 1000 * HOUR);

        assertThat(pool.live()).isEmpty();
        assertThat(pool.cachedCount()).isEqualTo(2);
        assertThat(b.emptySince).isEqualTo(now + 5);
        assertThat(pool)
                .as("the live list, then the cache, most recently emptied first")
                .containsExactly(b, a);
        assertThat(pool.reuseCached()).isSameAs(b);
        assertThat(pool.live()).containsExactly(b);
        assertThat(pool).containsExactly(b, a);
        assertThat(pool.reuseCached()).isSameAs(a);
        assertThat(pool.reuseCached()).isNull();
        assertThat(pool.live()).containsExactly(b, a);
        assertThat(os.count("map")).as("reuse maps nothing").isEqualTo(2);
    }

    @Test
    void slabsGivenBackAreDirtyUntilASpanTakesThemAgain() {
        SuperSlab ss = pool.map();
        long now = System.nanoTime();

        assertThat(pool.takeSlabs(ss, 0b1111))
                .as("fresh slabs hold no old bytes")
                .isFalse();
        assertThat(ss.usedSlabs).isEqualTo(0b1111);
        pool.giveBackSlabs(ss, 0b0110, now);

        assertThat(ss.usedSlabs).isEqualTo(0b1001);
        assertThat(ss.dirtySlabs).isEqualTo(0b0110);
        assertThat(ss.dirtySince[1]).isEqualTo(now);
        assertThat(ss.dirtySince[2]).isEqualTo(now);
        assertThat(pool.dirtyBytes()).isEqualTo(2 * SLAB);

        assertThat(pool.takeSlabs(ss, 0b0100 | 0b10000))
                .as("one of them is dirty")
                .isTrue();
        assertThat(ss.dirtySlabs).isEqualTo(0b0010);
        assertThat(ss.usedSlabs).isEqualTo(0b11101);
        assertThat(pool.dirtyBytes()).isEqualTo(SLAB);
        assertThat(os.count("purge")).isZero();
    }

    @Test
    void dirtySlabsArePurgedOnceTheirDelayRanOutOneMadviseARunInLiveAndCachedSuperSlabs() {
        SuperSlab live = pool.map();
        SuperSlab cached = pool.map();
        long now = System.nanoTime();
        pool.takeSlabs(live, 0b11111);
        pool.giveBackSlabs(live, 0b11011, now);
        pool.takeSlabs(cached, 0b1);
        pool.giveBackSlabs(cached, 0b1, now + 10);
        pool.retire(cached, now + 10);

        assertThat(pool.purgeDirty(now + HOUR - 1, false)).as("the first due").isEqualTo(now + HOUR);
        assertThat(os.count("purge")).isZero();

        assertThat(pool.purgeDirty(now + HOUR, false)).as("the cached one's").isEqualTo(now + 10 + HOUR);
        assertThat(os.calls).endsWith("purge " + 2 * SLAB, "purge " + 2 * SLAB);
        assertThat(heard).endsWith("purged 2", "purged 2");
        assertThat(live.dirtySlabs).isZero();
        assertThat(pool.dirtyBytes()).isEqualTo(SLAB);

        assertThat(pool.purgeDirty(now + HOUR, true)).isEqualTo(Long.MAX_VALUE);
        assertThat(cached.dirtySlabs).isZero();
        assertThat(pool.dirtyBytes()).isZero();
        assertThat(heap.counters().slabsPurged()).isEqualTo(5);
    }

    @Test
    void theOldestEmptySuperSlabBeyondTheKeptOnesIsUnmappedAfterTheUnmapDelay() {
        SuperSlab oldest = pool.map();
        SuperSlab newer = pool.map();
        long now = System.nanoTime();
        pool.takeSlabs(oldest, 0b11);
        pool.giveBackSlabs(oldest, 0b11, now);
        pool.retire(oldest, now);
        pool.retire(newer, now + 7);

        assertThat(pool.unmapExpired(now + 1000 * HOUR - 1)).isEqualTo(now + 1000 * HOUR);
        assertThat(os.count("unmap")).isZero();

        assertThat(pool.unmapExpired(now + 1000 * HOUR))
                .as("down to the kept one")
                .isEqualTo(Long.MAX_VALUE);

        assertThat(heard).containsExactly("mapped", "mapped", "released EMPTY");
        assertThat(pool).containsExactly(newer);
        assertThat(heap.lookup(oldest.base)).isNull();
        assertThat(oldest.segment.scope().isAlive()).isFalse();
        assertThat(pool.released(oldest.segment.scope())).isTrue();
        assertThat(pool.released(newer.segment.scope())).isFalse();
        assertThat(pool.dirtyBytes()).as("its unpurged slabs left the books").isZero();
        assertThat(heap.counters().superSlabsLive()).isEqualTo(1);
        assertThat(heap.counters().superSlabsReleasedTotal()).isEqualTo(1);
        assertThat(pool.mappedBytes()).isEqualTo(SuperSlab.SIZE);
    }

    @Test
    void unmappingAllReleasesTheLiveOnesThenTheCachedOnes() {
        SuperSlab cached = pool.map();
        SuperSlab live = pool.map();
        pool.retire(cached, System.nanoTime());
        List<Long> ranges = new ArrayList<>();
        pool.forEachMapping((address, bytes) -> ranges.add(address));
        assertThat(ranges).containsExactly(live.base, cached.base);
        assertThat(pool.residentBytes()).as("the portable OS layer cannot tell").isEqualTo(-1);

        pool.unmapAll(ReleaseReason.CLOSE);

        assertThat(os.calls).endsWith("unmap " + SuperSlab.SIZE, "unmap " + SuperSlab.SIZE);
        assertThat(heard).endsWith("released CLOSE", "released CLOSE");
        assertThat(pool).isEmpty();
        assertThat(heap.lookup(live.base)).isNull();
        assertThat(heap.lookup(cached.base)).isNull();
        assertThat(heap.counters().superSlabsLive()).isZero();
        assertThat(pool.residentBytes()).isZero();
    }

    @Test
    void trimUnmapsTheCacheOnlyAfterThePurge() {
        SuperSlab ss = pool.map();
        pool.takeSlabs(ss, 0b1);
        pool.giveBackSlabs(ss, 0b1, System.nanoTime());
        pool.retire(ss, System.nanoTime());

        assertThatThrownBy(() -> pool.unmapCached(ReleaseReason.TRIM))
                .isInstanceOf(AssertionError.class)
                .hasMessage("unmapping cached SuperSlabs before their purge: dirty bytes " + SLAB);

        pool.purgeDirty(System.nanoTime(), true);
        pool.unmapCached(ReleaseReason.TRIM);
        assertThat(heard).containsExactly("mapped", "purged 1", "released TRIM");
        assertThat(pool.cachedCount()).isZero();
    }

    @Test
    void everyMethodButReleasedRequiresTheHeapLock() {
        SuperSlab ss = pool.map();
        heap.unlock();
        try {
            assertThatThrownBy(pool::map).isInstanceOf(AssertionError.class);
            assertThatThrownBy(pool::live).isInstanceOf(AssertionError.class);
            assertThatThrownBy(pool::iterator).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> pool.takeSlabs(ss, 1)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> pool.purgeDirty(0, true)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> pool.unmapAll(ReleaseReason.CLOSE)).isInstanceOf(AssertionError.class);
            assertThat(pool.released(ss.segment.scope())).isFalse();
            assertThat(os.calls).as("nothing reached the OS").containsExactly("map " + SuperSlab.SIZE);
        } finally {
            heap.lock();
        }
    }
}
