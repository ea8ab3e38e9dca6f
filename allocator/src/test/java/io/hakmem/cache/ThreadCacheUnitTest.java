package io.hakmem.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SlabHeap;
import io.hakmem.slab.Span;
import io.hakmem.slab.SuperSlab;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One thread cache on a real heap, without an arena around it. */
class ThreadCacheUnitTest {

    private static final int C16 = SizeClasses.classFor(16, 1);
    private static final int DRAIN = 64;

    @RegisterExtension
    final RealHeap real = new RealHeap();

    private final SlabHeap heap = real.heap;
    private final ThreadCache cache = new ThreadCache(Thread.currentThread(), heap, 2048, DRAIN);

    @Test
    void anEmptyMagazineRefillsABatchFromOneOwnedSpanAndHandsOutLiveBlocks() {
        assertThat(cache.allocate(C16, 16, true)).as("nothing cached yet").isNull();
        MemorySegment first = cache.refill(C16, 16, true);
        assertThat(first).isNotNull();
        assertThat(first.byteSize()).isEqualTo(16);
        Span span = spanOf(first);
        assertThat(span.owner()).as("the refill claims the span").isSameAs(cache);
        assertThat(span.state(span.indexOf(first.address()))).isEqualTo(Span.LIVE);
        // The rest of the batch waits, CACHED, in the magazine: 2048 / 4 capped at 256.
        assertThat(cache.cachedBlocks()).isEqualTo(255);
        MemorySegment second = cache.allocate(C16, 16, true);
        assertThat(second).isNotNull();
        assertThat(spanOf(second)).isSameAs(span);
        assertThat(cache.cachedBlocks()).isEqualTo(254);
        assertThat(cache.totals().allocs()).isEqualTo(2);
        assertThat(cache.totals().allocBytes()).isEqualTo(32);
    }

    @Test
    void theSegmentJustHandedOutComesBackThroughTheSlotAndIsHandedOutAgainCleared() {
        cache.refill(C16, 16, true);
        MemorySegment block = cache.allocate(C16, 16, true);
        block.set(ValueLayout.JAVA_LONG, 8, -1L);
        long cached = cache.cachedBlocks();
        assertThat(cache.free(block)).as("slot-known free").isTrue();
        assertThat(cache.cachedBlocks()).isEqualTo(cached + 1);
        Span span = spanOf(block);
        assertThat(span.state(span.indexOf(block.address()))).isEqualTo(Span.CACHED);
        MemorySegment again = cache.allocate(C16, 16, true);
        assertThat(again).as("the same segment object").isSameAs(block);
        assertThat(again.get(ValueLayout.JAVA_LONG, 8)).as("cleared on reuse").isZero();
        assertThat(cache.totals().frees()).isEqualTo(1);
    }

    @Test
    void theBlockARefillHandsOutWaitsInTheSlotAboveTheCountSoItsFreeIsSlotKnown() {
        MemorySegment block = cache.refill(C16, 16, true);
        long cached = cache.cachedBlocks();
        assertThat(cache.free(block))
                .as("the segment the slot above the count handed out")
                .isTrue();
        assertThat(cache.cachedBlocks()).isEqualTo(cached + 1);
        assertThat(cache.allocate(C16, 16, true)).isSameAs(block);
    }

    @Test
    void aBlockAskedForWithLessThanItsClassSizeIsCutAnewAndItsFreeIsChecked() {
        MemorySegment block = cache.refill(C16, 12, true);
        assertThat(block.byteSize()).isEqualTo(12);
        assertThat(cache.free(block)).as("no slot keeps a partial segment").isFalse();
        give(block);
        MemorySegment again = cache.allocate(C16, 12, true);
        assertThat(again).isNotSameAs(block);
        assertThat(again.address()).as("the same block").isEqualTo(block.address());
    }

    @Test
    void aFreeOfASegmentThatIsNotTheTopSlotsIsLeftToTheCheckedPath() {
        MemorySegment a = cache.refill(C16, 16, false);
        MemorySegment b = cache.allocate(C16, 16, false);
        // b's slot is the top one now; a is below it.
        assertThat(cache.free(a)).isFalse();
        assertThat(spanOf(a).state(spanOf(a).indexOf(a.address())))
                .as("unchanged")
                .isEqualTo(Span.LIVE);
        assertThat(cache.free(b)).isTrue();
        // The checked path pushes a validated block.
        Span span = spanOf(a);
        cache.push(span, span.indexOf(a.address()), a, 16);
        assertThat(span.state(span.indexOf(a.address()))).isEqualTo(Span.CACHED);
    }

    @Test
    void drainsThatFindBlocksIdleFlushThemAndShrinkEveryFollowingFill() {
        // A pair loop: one block in use at a time, the rest of each batch idle.
        List<Long> batchSizes = new ArrayList<>();
        MemorySegment block = cache.refill(C16, 16, false);
        batchSizes.add(cache.cachedBlocks() + 1);
        for (int i = 0; i < 40 * DRAIN; i++) {
            give(block);
            block = cache.allocate(C16, 16, false);
            if (block == null) {
                block = cache.refill(C16, 16, false);
                batchSizes.add(cache.cachedBlocks() + 1);
            }
        }
        assertThat(batchSizes.get(0))
                .as("first fill: a quarter of 2048, capped")
                .isEqualTo(256);
        assertThat(batchSizes).as("fills after idle drains").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(batchSizes.get(batchSizes.size() - 1)).as("last fill").isLessThanOrEqualTo(8);
        assertThat(cache.cachedBlocks()).as("idle blocks went back").isLessThanOrEqualTo(8);
    }

    @Test
    void revocationGivesEveryCachedBlockBackAndLetsGoOfTheSpans() {
        MemorySegment block = cache.refill(C16, 16, false);
        Span span = spanOf(block);
        int generation = cache.generation();
        long given = cache.revoke();
        assertThat(given).isEqualTo(255);
        assertThat(cache.cachedBlocks()).isZero();
        assertThat(cache.generation()).as("spans are anyone's now").isNotEqualTo(generation);
        // The owner's next fast path meets the revoked view and falls back.
        assertThat(cache.allocate(C16, 16, false)).isNull();
        assertThat(span.state(span.indexOf(block.address())))
                .as("the user's block")
                .isEqualTo(Span.LIVE);
        // It renews its view at the next refill and carries on.
        assertThat(cache.refill(C16, 16, false)).isNotNull();
    }

    @Test
    void aFreeTheRevokerDidNotSeeStaysTheOwnersAndItsNextAllocationTakesItBack() {
        cache.refill(C16, 16, false);
        MemorySegment block = cache.allocate(C16, 16, false);
        assertThat(cache.revoke()).isEqualTo(254);
        // A free racing the revoker, landing after it read the count: the owner alone knows it.
        give(block);
        Span span = spanOf(block);
        int index = span.indexOf(block.address());
        assertThat(span.state(index)).isEqualTo(Span.CACHED);
        assertThat(cache.cachedBlocks()).as("what the revoker left").isEqualTo(1);
        // The commit throws, and the count the revoker read says the block was left to us.
        assertThat(cache.allocate(C16, 16, false)).isSameAs(block);
        assertThat(span.state(index)).isEqualTo(Span.LIVE);
        assertThat(cache.cachedBlocks()).isZero();
    }

    @Test
    void aBlockTheRevokerLeftIsHandedOutCutAnewAndTheRenewedMagazineKeepsNoTraceOfIt() {
        MemorySegment block = cache.refill(C16, 12, false);
        cache.revoke();
        // A 12 B segment is never kept in a slot: its free is checked, and raced the revoker.
        give(block);
        MemorySegment again = cache.allocate(C16, 12, false);
        assertThat(again).isNotNull();
        assertThat(again.address()).isEqualTo(block.address());
        assertThat(again.byteSize()).isEqualTo(12);
        assertThat(cache.cachedBlocks()).as("the magazine starts over empty").isZero();
        assertThat(cache.free(again)).as("no slot remembers it").isFalse();
        give(again);
        assertThat(cache.totals()).isEqualTo(new OpTotals(2, 24, 2, 24, 0, 0));
    }

    @Test
    void aFreeTheRevokerDidNotSeeGoesBackToItsSpanAtTheOwnersNextSlowPath() {
        cache.refill(C16, 16, false);
        MemorySegment block = cache.allocate(C16, 16, false);
        cache.revoke();
        give(block);
        Span span = spanOf(block);
        int index = span.indexOf(block.address());
        cache.flushAll();
        assertThat(span.state(index)).as("back in its span").isEqualTo(Span.FREE);
        assertThat(cache.cachedBlocks()).isZero();
        assertThat(cache.revoke()).as("nothing left to take").isZero();
    }

    @Test
    void totalsCountRequestedBytesAndStayExactAcrossARevocationTheOwnerNoticesLate() {
        MemorySegment a = cache.refill(C16, 12, false);
        MemorySegment b = cache.allocate(C16, 16, false);
        MemorySegment c = cache.allocate(C16, 10, false);
        assertThat(cache.totals()).isEqualTo(new OpTotals(3, 38, 0, 0, 0, 0));
        give(b);
        give(a);
        assertThat(cache.totals()).isEqualTo(new OpTotals(3, 38, 2, 28, 0, 0));
        cache.revoke();
        assertThat(cache.totals())
                .as("the revoker's give-backs are not pops")
                .isEqualTo(new OpTotals(3, 38, 2, 28, 0, 0));
        // A free the revoker did not see, then the owner noticing and giving it back.
        give(c);
        assertThat(cache.totals()).isEqualTo(new OpTotals(3, 38, 3, 38, 0, 0));
        cache.flushAll();
        assertThat(cache.totals()).isEqualTo(new OpTotals(3, 38, 3, 38, 0, 0));
        assertThat(cache.cachedBlocks()).isZero();
    }

    @Test
    void anotherCacheNeverCarvesTheSpanThisOneOwns() throws Exception {
        MemorySegment mine = cache.refill(C16, 16, false);
        List<MemorySegment> theirs = new ArrayList<>();
        Thread other = new Thread(() -> {
            ThreadCache second = new ThreadCache(Thread.currentThread(), heap, 2048, DRAIN);
            theirs.add(second.refill(C16, 16, false));
        });
        other.start();
        other.join();
        assertThat(spanOf(theirs.get(0))).isNotSameAs(spanOf(mine));
    }

    @Test
    void boundsKeepEveryMagazineWithinItsBytes() {
        for (int sizeClass = 0; sizeClass < SizeClasses.count(); sizeClass++) {
            int size = SizeClasses.size(sizeClass);
            long bound = Magazine.boundBytes(sizeClass);
            assertThat(bound).as("class %d B", size).isGreaterThanOrEqualTo(size);
            assertThat(bound).as("class %d B", size).isLessThanOrEqualTo(32L << 20);
            assertThat(bound / size)
                    .as("blocks of %d B: a batch of 100 fits", size)
                    .isGreaterThanOrEqualTo(100);
        }
    }

    /** The arena's free: the slot-known path, else the checked push. */
    private void give(MemorySegment block) {
        if (!cache.free(block)) {
            Span span = spanOf(block);
            cache.push(span, span.indexOf(block.address()), block, block.byteSize());
        }
    }

    private Span spanOf(MemorySegment block) {
        SuperSlab ss = heap.lookup(block.address());
        assertThat(ss).isNotNull();
        Span span = ss.spanOf(block.address());
        assertThat(span).isNotNull();
        return span;
    }
}
