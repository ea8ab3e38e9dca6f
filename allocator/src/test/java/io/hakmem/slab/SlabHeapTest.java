package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The locked heap on its own, without caches or an arena: blocks taken and given back, the
 * delayed purge and unmap of {@code maintain()}, {@code trim()}, the mapping limit, and what the
 * listener hears. Memory is real (JDK arenas behind {@link RecordingOsMemory}), since spans keep
 * their free lists in the blocks.
 */
class SlabHeapTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final int C16 = SizeClasses.classFor(16, 1);

    private final RecordingOsMemory os = new RecordingOsMemory();
    private final RecordingListener listener = new RecordingListener();
    private final List<String> heard = listener.heard;
    private SlabHeap heap = heap(new HeapPolicy(HOUR, 64L << 20, 1, Long.MAX_VALUE));

    private SlabHeap heap(HeapPolicy policy) {
        heap = new SlabHeap(os, policy, listener);
        heap.lock();
        return heap;
    }

    @AfterEach
    void closeHeap() {
        heap.closeAll();
        heap.unlock();
    }

    @Test
    void theFirstBlockMapsASuperSlabAndTheNextOnesFollowInItsSpan() {
        long first = address(heap.take(C16, Span.LIVE));
        long second = address(heap.take(C16, Span.LIVE));

        assertThat(os.calls).containsExactly("map " + SuperSlab.SIZE);
        assertThat(heard).containsExactly("mapped");
        assertThat(second - first).isEqualTo(16);
        assertThat(first % SuperSlab.SIZE)
                .as("the first span starts the SuperSlab")
                .isZero();
        SuperSlab ss = heap.lookup(first);
        assertThat(ss).isNotNull();
        assertThat(heap.lookup(second)).isSameAs(ss);
        assertThat(SlabHeap.owningHeap(first)).isSameAs(heap);
        Span span = ss.spanOf(first);
        assertThat(span.sizeClass()).isEqualTo(C16);
        assertThat(span.state(span.indexOf(first))).isEqualTo(Span.LIVE);
        assertThat(ss.usedBlocks()).isEqualTo(2);
        assertThat(heap.counters().superSlabsLive()).isEqualTo(1);
        assertThat(heap.counters().superSlabsMappedTotal()).isEqualTo(1);
        assertThat(heap.mappedBytes()).isEqualTo(SuperSlab.SIZE);
    }

    @Test
    void aBlockGivenBackIsTheNextOneTaken() {
        long a = address(heap.take(C16, Span.LIVE));
        long b = address(heap.take(C16, Span.LIVE));
        Span span = heap.lookup(a).spanOf(a);

        giveBack(a);

        assertThat(span.state(span.indexOf(a))).isEqualTo(Span.FREE);
        assertThat(heap.counters().blockFreesToSpans()).isEqualTo(1);
        assertThat(heap.userFreesGivenBack(C16)).isEqualTo(1);
        long tagged = heap.take(C16, Span.LIVE);
        assertThat(address(tagged)).isEqualTo(a);
        assertThat(Span.isRecycled(tagged)).as("taken from the free list").isTrue();
        assertThat(Span.isDirty(tagged)).as("it may hold old bytes").isTrue();
        assertThat(address(heap.take(C16, Span.LIVE))).isEqualTo(b + 16);
    }

    @Test
    void trimPurgesTheEmptySpanAndUnmapsTheEmptySuperSlab() {
        long a = address(heap.take(C16, Span.LIVE));
        giveBack(a);
        assertThat(heap.counters().emptySuperSlabsDetected()).isEqualTo(1);
        // The empty span stays formed for an hour's purge delay: nothing has gone back yet.
        heap.maintain();
        assertThat(os.count("purge")).isZero();

        long returned = heap.trim();

        long spanBytes = (long) SizeClasses.spanSlabs(C16) << SizeClasses.SLAB_SHIFT;
        assertThat(returned).as("the SuperSlab, plus its purged span").isEqualTo(SuperSlab.SIZE + spanBytes);
        assertThat(os.calls).containsExactly("map " + SuperSlab.SIZE, "purge " + spanBytes, "unmap " + SuperSlab.SIZE);
        assertThat(heard).containsExactly("mapped", "purged " + SizeClasses.spanSlabs(C16), "released TRIM");
        assertThat(heap.counters().superSlabsLive()).isZero();
        assertThat(heap.counters().superSlabsReleasedTotal()).isEqualTo(1);
        assertThat(heap.counters().slabsPurged()).isEqualTo(SizeClasses.spanSlabs(C16));
        assertThat(heap.mappedBytes()).isZero();
        assertThat(heap.lookup(a)).isNull();
        assertThat(SlabHeap.owningHeap(a)).isNull();
    }

    @Test
    void maintainPurgesOnceTheDelayRanOutAndKeepsOneEmptySuperSlab() {
        heap(new HeapPolicy(0, 64L << 20, 1, Long.MAX_VALUE));
        long a = address(heap.take(C16, Span.LIVE));
        giveBack(a);

        heap.maintain();

        assertThat(heap.counters().slabsPurged()).isEqualTo(SizeClasses.spanSlabs(C16));
        assertThat(heard).containsExactly("mapped", "purged " + SizeClasses.spanSlabs(C16));
        assertThat(heap.counters().superSlabsLive())
                .as("kept: emptySuperSlabCacheSize is 1")
                .isEqualTo(1);
        assertThat(heap.mappedBytes()).isEqualTo(SuperSlab.SIZE);
        // The kept SuperSlab serves the next block without a new mapping.
        heap.take(C16, Span.LIVE);
        assertThat(os.count("map")).isEqualTo(1);
    }

    @Test
    void maintainUnmapsEmptySuperSlabsBeyondTheKeptOnes() {
        heap(new HeapPolicy(0, 64L << 20, 0, Long.MAX_VALUE));
        long a = address(heap.take(C16, Span.LIVE));
        giveBack(a);

        heap.maintain();

        assertThat(heard).containsExactly("mapped", "purged " + SizeClasses.spanSlabs(C16), "released EMPTY");
        assertThat(os.calls).endsWith("unmap " + SuperSlab.SIZE);
        assertThat(heap.counters().superSlabsLive()).isZero();
        assertThat(heap.mappedBytes()).isZero();
    }

    @Test
    void aMappingPastTheLimitFailsAndIsCounted() {
        heap(new HeapPolicy(HOUR, 64L << 20, 1, SuperSlab.SIZE));
        heap.take(C16, Span.LIVE);

        assertThatThrownBy(() -> heap.allocateLarge(3 << 20, 4096))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("hakmem arena: mapping 3145728 more bytes would exceed maxMappedBytes=2097152"
                        + " (mapped now: 2097152)");

        assertThat(heap.counters().allocFailures()).isEqualTo(1);
        assertThat(heard)
                .containsExactly(
                        "mapped",
                        "failed LIMIT 3145728: mapping 3145728 more bytes would exceed "
                                + "maxMappedBytes=2097152 (mapped now: 2097152)");
        assertThat(os.count("map")).isEqualTo(1);
    }

    @Test
    void aRefusedMappingFailsWithTheLayersName() {
        os.refuse = true;

        assertThatThrownBy(() -> heap.take(C16, Span.LIVE))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("hakmem arena: the OS refused to map a 2 MiB SuperSlab (recording portable)");
        assertThat(heap.counters().allocFailures()).isEqualTo(1);
        assertThat(heap.counters().superSlabsLive()).isZero();
    }

    @Test
    void aClosedHeapUnmappedEverythingAndRefusesBlocks() {
        long a = address(heap.take(C16, Span.LIVE));
        heap.allocateLarge(1 << 20, 4096);

        heap.closeAll();

        assertThat(heard).containsExactly("mapped", "released CLOSE");
        assertThat(os.count("unmap")).isEqualTo(2);
        assertThat(heap.mappedBytes()).isZero();
        assertThat(heap.lookup(a)).isNull();
        assertThatThrownBy(() -> heap.take(C16, Span.LIVE))
                .isInstanceOf(ArenaClosedException.class)
                .hasMessage("this HakmemArena is closed");
    }

    @Test
    void aPolicyRejectsValuesTheHeapCannotWorkWith() {
        assertThatThrownBy(() -> new HeapPolicy(-1, 0, 0, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("purgeDelayNanos must be between 0 and 9223372036854775, was -1");
        assertThatThrownBy(() -> new HeapPolicy(0, -5, 0, Long.MAX_VALUE))
                .hasMessage("purgeThresholdBytes must not be negative, was -5");
        assertThatThrownBy(() -> new HeapPolicy(0, 0, -2, Long.MAX_VALUE))
                .hasMessage("emptySuperSlabCacheSize must not be negative, was -2");
        assertThatThrownBy(() -> new HeapPolicy(0, 0, 0, 4096))
                .hasMessage("maxMappedBytes must be at least one SuperSlab (2097152), was 4096");
    }

    @Test
    void aLockedMethodCalledWithoutTheLockFailsAnAssertion() {
        long a = address(heap.take(C16, Span.LIVE));
        Span span = heap.lookup(a).spanOf(a);
        heap.unlock();
        try {
            assertThatThrownBy(() -> heap.take(C16, Span.LIVE)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> heap.giveBack(span, span.indexOf(a))).isInstanceOf(AssertionError.class);
            assertThatThrownBy(heap::trim).isInstanceOf(AssertionError.class);
            assertThatThrownBy(heap::maintain).isInstanceOf(AssertionError.class);
            assertThatThrownBy(heap::mappedBytes).isInstanceOf(AssertionError.class);
            assertThatThrownBy(heap::large).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> heap.allocateLarge(1 << 20, 4096)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> span.superSlab().usedBlocks()).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> ClassCensus.take(heap, false)).isInstanceOf(AssertionError.class);
            assertThat(span.state(span.indexOf(a))).as("nothing changed").isEqualTo(Span.LIVE);
            assertThat(os.calls).containsExactly("map " + SuperSlab.SIZE);
            assertThat(heap.lookup(a)).as("lock-free").isSameAs(span.superSlab());
        } finally {
            heap.lock();
        }
    }

    @Test
    void theInvariantsHoldThroughTakesGiveBacksMaintainTrimAndClose() {
        heap(new HeapPolicy(0, 64L << 20, 1, Long.MAX_VALUE));
        int c64k = SizeClasses.classFor(64 << 10, 1);
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            blocks.add(address(heap.take(C16, Span.LIVE)));
        }
        for (int i = 0; i < 40; i++) {
            blocks.add(address(heap.take(c64k, Span.LIVE)));
        }
        heap.allocateLarge(1 << 20, 4096);
        assertThat(heap.invariantsHold()).isTrue();
        assertThat(heap.counters().superSlabsLive())
                .as("64 KiB blocks spill into a second SuperSlab")
                .isEqualTo(2);

        for (int i = 0; i < blocks.size(); i += 2) {
            giveBack(blocks.get(i));
        }
        assertThat(heap.invariantsHold()).isTrue();
        for (int i = 1; i < blocks.size(); i += 2) {
            giveBack(blocks.get(i));
        }
        assertThat(heap.invariantsHold()).isTrue();
        heap.maintain();
        assertThat(heap.invariantsHold()).isTrue();
        assertThat(heap.counters().superSlabsLive())
                .as("one empty SuperSlab kept")
                .isEqualTo(1);
        heap.take(C16, Span.LIVE);
        assertThat(heap.invariantsHold()).isTrue();
        heap.trim();
        assertThat(heap.invariantsHold()).isTrue();
        heap.closeAll();
        assertThat(heap.invariantsHold()).isTrue();
    }

    @Test
    void theInvariantCheckNamesABrokenSpanCountWithItsNumbers() {
        long a = address(heap.take(C16, Span.LIVE));
        heap.take(C16, Span.LIVE);
        Span span = heap.lookup(a).spanOf(a);
        span.used++;

        assertThatThrownBy(heap::invariantsHold)
                .isInstanceOf(AssertionError.class)
                .hasMessage("heap invariant broken: span.used counts the blocks in [0, bump) not FREE in SuperSlab 0x"
                        + Long.toHexString(span.superSlab().base) + ", span of class " + C16
                        + " (16 B) at slabs [0, " + SizeClasses.spanSlabs(C16) + "): expected 2, actual 3");
        span.used--;
        assertThat(heap.invariantsHold()).isTrue();
    }

    @Test
    void theInvariantCheckFindsBrokenSuperSlabBooks() {
        long a = address(heap.take(C16, Span.LIVE));
        SuperSlab ss = heap.lookup(a);
        String where = " in SuperSlab 0x" + Long.toHexString(ss.base);
        int spanMask = ss.spanOf(a).mask();

        ss.usedBlocks++;
        assertThatThrownBy(heap::invariantsHold)
                .hasMessage("heap invariant broken: usedBlocks is the sum of its spans' used" + where
                        + ": expected 1, actual 2");
        ss.usedBlocks--;

        ss.dirtySlabs |= spanMask;
        assertThatThrownBy(heap::invariantsHold)
                .hasMessage("heap invariant broken: dirtySlabs and usedSlabs are disjoint (slabs in both)" + where
                        + ": expected 0, actual " + spanMask);
        ss.dirtySlabs = 0;

        ss.dirtySlabs = 1 << 31;
        assertThatThrownBy(heap::invariantsHold)
                .hasMessage("heap invariant broken: dirtyBytes counts the dirty slabs of live and cached SuperSlabs:"
                        + " expected " + (1L << SizeClasses.SLAB_SHIFT) + ", actual 0");
        ss.dirtySlabs = 0;

        heap.counters().superSlabsLive++;
        assertThatThrownBy(heap::invariantsHold)
                .hasMessage("heap invariant broken: counters.superSlabsLive counts the live list and the empty cache"
                        + " (SuperSlabs): expected 1, actual 2");
        heap.counters().superSlabsLive--;
        assertThat(heap.invariantsHold()).isTrue();
    }

    @Test
    void theInvariantCheckFindsASpanOffItsList() {
        long a = address(heap.take(C16, Span.LIVE));
        Span span = heap.lookup(a).spanOf(a);
        span.listed = false;

        assertThatThrownBy(heap::invariantsHold)
                .hasMessageStartingWith("heap invariant broken: a span with a free block is listed in SuperSlab 0x");
        span.listed = true;
        assertThat(heap.invariantsHold()).isTrue();
    }

    @Test
    void trimChecksTheInvariantsAtItsEnd() {
        heap.take(C16, Span.LIVE);
        heap.counters().superSlabsMappedTotal++;

        assertThatThrownBy(heap::trim)
                .hasMessage("heap invariant broken: SuperSlabs mapped minus released are the live ones (SuperSlabs):"
                        + " expected 2, actual 1");
        heap.counters().superSlabsMappedTotal--;
    }

    @Test
    void every1024thUnlockChecksTheInvariantsAndReleasesTheLockWhenTheyFail() {
        long a = address(heap.take(C16, Span.LIVE));
        Span span = heap.lookup(a).spanOf(a);
        span.used++;
        for (int i = 1; i < 1024; i++) {
            heap.unlock();
            heap.lock();
        }

        assertThatThrownBy(heap::unlock).hasMessageStartingWith("heap invariant broken: span.used counts");

        assertThat(heap.locked()).isFalse();
        heap.lock();
        span.used--;
        // The check that failed is due again at the next unlock, and passes.
        heap.unlock();
        heap.lock();
        assertThat(heap.invariantsHold()).isTrue();
    }

    private void giveBack(long address) {
        Span span = heap.lookup(address).spanOf(address);
        heap.giveBack(span, span.indexOf(address));
    }

    private static long address(long tagged) {
        return Span.address(tagged);
    }
}
