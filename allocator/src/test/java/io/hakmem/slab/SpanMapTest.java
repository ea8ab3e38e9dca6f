package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Address to span by direct index, as the free path reads it: every slab of a span finds it while
 * it is formed, and nothing is found once it is dissolved or its SuperSlab is unmapped.
 */
class SpanMapTest {

    private static final int C16 = SizeClasses.classFor(16, 1);
    private static final int C256K = SizeClasses.classFor(SizeClasses.MAX_SMALL, 1);

    private final SlabHeap heap = new SlabHeap(
            new RecordingOsMemory(),
            new HeapPolicy(TimeUnit.HOURS.toNanos(1), 64L << 20, 0, Long.MAX_VALUE),
            ArenaListener.NONE);

    SpanMapTest() {
        heap.lock();
    }

    @AfterEach
    void closeHeap() {
        heap.closeAll();
        heap.unlock();
    }

    @Test
    void everySlabOfASpanFindsItAndTheSlabsBeyondItFindNothing() {
        long small = Span.address(heap.take(C16, Span.LIVE));
        long large = Span.address(heap.take(C256K, Span.LIVE));
        Span smallSpan = heap.lookup(small).spanOf(small);
        Span largeSpan = heap.lookup(large).spanOf(large);
        assertThat(SizeClasses.spanSlabs(C256K)).as("a span of several slabs").isGreaterThan(1);

        for (Span span : new Span[] {smallSpan, largeSpan}) {
            for (int slab = 0; slab < span.slabCount; slab++) {
                long start = span.base + ((long) slab << SizeClasses.SLAB_SHIFT);
                assertThat(SlabHeap.spanAt(start))
                        .as("slab %d's first byte", slab)
                        .isSameAs(span);
                assertThat(SlabHeap.spanAt(start + (1 << SizeClasses.SLAB_SHIFT) - 1))
                        .as("slab %d's last byte", slab)
                        .isSameAs(span);
            }
        }
        long pastBoth = largeSpan.base + largeSpan.bytes();
        assertThat(SlabHeap.spanAt(pastBoth)).as("the first slab no span took").isNull();
        assertThat(SlabHeap.spanAt(smallSpan.superSlab.base - 1))
                .as("below the SuperSlab")
                .isNull();
    }

    @Test
    void aDissolvedSpanAndAnUnmappedSuperSlabAreGone() {
        long a = Span.address(heap.take(C16, Span.LIVE));
        Span span = heap.lookup(a).spanOf(a);
        heap.giveBack(span, span.indexOf(a));
        assertThat(SlabHeap.spanAt(a))
                .as("empty but formed, within its purge delay")
                .isSameAs(span);

        heap.trim();

        assertThat(SlabHeap.spanAt(a)).isNull();
        assertThat(heap.invariantsHold()).isTrue();
    }

    @Test
    void closingTheHeapWithBlocksOutForgetsTheirSpans() {
        long a = Span.address(heap.take(C16, Span.LIVE));
        long b = Span.address(heap.take(C256K, Span.LIVE));

        heap.closeAll();

        assertThat(SlabHeap.spanAt(a)).isNull();
        assertThat(SlabHeap.spanAt(b)).isNull();
    }

    @Test
    void addressesPastTheFortyEightBitsAreLeftToTheSuperSlabMap() {
        assertThat(SpanMap.covers((1L << 48) - 1)).isTrue();
        assertThat(SpanMap.covers(1L << 48)).isFalse();
        assertThat(SlabHeap.spanAt(1L << 50)).isNull();
        assertThat(SlabHeap.spanAt(-16L)).isNull();
    }
}
