package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Thread caches: they speed up the owner, and they never keep a SuperSlab from going back. */
class ThreadCacheTest {

    private record Left(MemorySegment block, long value) {}

    /**
     * The arena keeps its first two threads' caches in its own fields: a thread that dies gives
     * its place up, and the next to arrive takes it. Twenty threads in turn, each beside a third
     * one running through the hint slots, must each get blocks of their own, and every block keeps
     * what its thread wrote until the main thread frees it.
     */
    @Test
    void threadsTakingTurnsAtTheFrontPlacesEachKeepTheirOwnBlocks() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment mine = arena.allocate(24);
            mine.set(ValueLayout.JAVA_LONG, 0, -1L);
            List<Left> left = Collections.synchronizedList(new ArrayList<>());
            List<Long> damaged = Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < 20; round++) {
                List<Thread> pair = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    long tag = (long) (round * 2 + t) << 32;
                    pair.add(new Thread(() -> {
                        MemorySegment[] held = new MemorySegment[200];
                        for (int i = 0; i < held.length; i++) {
                            held[i] = arena.allocate(16 + (i & 3) * 8);
                            held[i].set(ValueLayout.JAVA_LONG, 0, tag | i);
                        }
                        for (int i = 0; i < held.length; i++) {
                            if (held[i].get(ValueLayout.JAVA_LONG, 0) != (tag | i)) {
                                damaged.add(tag | i);
                            }
                            if (i % 2 == 0) {
                                arena.free(held[i]);
                            } else {
                                left.add(new Left(held[i], tag | i));
                            }
                        }
                    }));
                }
                pair.forEach(Thread::start);
                for (Thread t : pair) {
                    t.join();
                }
            }
            assertThat(damaged).isEmpty();
            assertThat(left).hasSize(20 * 2 * 100);
            assertThat(left.stream().map(l -> l.block().address()).distinct().count())
                    .as("distinct blocks")
                    .isEqualTo(left.size());
            for (Left l : left) {
                assertThat(l.block().get(ValueLayout.JAVA_LONG, 0))
                        .as("a block its thread left live")
                        .isEqualTo(l.value());
                arena.free(l.block());
            }
            assertThat(mine.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(-1L);
            arena.free(mine);
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    /**
     * Each front thread's fast paths start from the magazine of its last allocation, which the
     * arena keeps for it and the thread switches on every change of class. Two front threads
     * switching class on every call, freeing out of order, must each keep every block to itself.
     */
    @Test
    void twoFrontThreadsSwitchingClassOnEveryCallKeepEveryBlockTheirOwn() throws Exception {
        long[] sizes = {16, 200, 48, 1000, 24, 5000};
        try (HakmemArena arena = HakmemArena.create()) {
            List<Long> damaged = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long tag = (long) (t + 1) << 40;
                threads.add(new Thread(() -> {
                    await(start);
                    MemorySegment[] window = new MemorySegment[7];
                    long[] values = new long[window.length];
                    for (int i = 0; i < 30_000; i++) {
                        int slot = i % window.length;
                        if (window[slot] != null) {
                            if (window[slot].get(ValueLayout.JAVA_LONG, 0) != values[slot]
                                    || window[slot].get(ValueLayout.JAVA_LONG, window[slot].byteSize() - 8)
                                            != ~values[slot]) {
                                damaged.add(values[slot]);
                            }
                            arena.free(window[slot]);
                        }
                        MemorySegment block = arena.allocate(sizes[i % sizes.length]);
                        values[slot] = tag | i;
                        block.set(ValueLayout.JAVA_LONG, 0, values[slot]);
                        block.set(ValueLayout.JAVA_LONG, block.byteSize() - 8, ~values[slot]);
                        window[slot] = block;
                    }
                    for (MemorySegment block : window) {
                        arena.free(block);
                    }
                }));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(damaged).as("blocks another call overwrote").isEmpty();
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    /**
     * A thread that takes the first place of a dead one gets the arena's copy of that place
     * rewritten to its own cache and magazine. Through the dead thread's cache instead, its blocks
     * stay distinct and keep their contents, but hundreds still count as live once every block is
     * freed.
     */
    @Test
    void aThreadTakingTheFirstPlaceOfADeadOneAllocatesOnlyFromItsOwnCache() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            List<Left> firstLeft = new ArrayList<>();
            Thread first = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    MemorySegment block = arena.allocate(16 + (i % 3) * 100);
                    block.set(ValueLayout.JAVA_LONG, 0, i);
                    if (i % 3 == 0) {
                        firstLeft.add(new Left(block, i));
                    } else {
                        arena.free(block);
                    }
                }
            });
            first.start();
            first.join();
            List<MemorySegment> taken = new ArrayList<>();
            Thread next = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    MemorySegment block = arena.allocate(16 + (i % 3) * 100);
                    block.set(ValueLayout.JAVA_LONG, 0, -i - 1);
                    taken.add(block);
                }
            });
            next.start();
            next.join();
            Set<Long> live = new HashSet<>();
            firstLeft.forEach(l -> live.add(l.block().address()));
            taken.forEach(b -> live.add(b.address()));
            assertThat(live).as("distinct live blocks").hasSize(firstLeft.size() + taken.size());
            for (Left l : firstLeft) {
                assertThat(l.block().get(ValueLayout.JAVA_LONG, 0)).isEqualTo(l.value());
                arena.free(l.block());
            }
            for (int i = 0; i < taken.size(); i++) {
                assertThat(taken.get(i).get(ValueLayout.JAVA_LONG, 0)).isEqualTo(-i - 1L);
                arena.free(taken.get(i));
            }
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void freesReachTheSuperSlabLayerAndEverySuperSlabGoesBackWithMagazinesOn() {
        try (HakmemArena arena = HakmemArena.create()) {
            assertThat(arena.config().magazineCapacity()).isPositive();
            List<MemorySegment> blocks = allocate(arena, 1_000_000, 16);
            blocks.forEach(arena::free);
            HakmemStats freed = arena.stats();
            assertThat(freed.liveBlocks()).isZero();
            assertThat(freed.blockFreesToSpans()).isPositive();
            assertThat(freed.emptySuperSlabsDetected()).isPositive();
            assertThat(freed.magazineBlocks())
                    .as("a bounded cache, not the whole million")
                    .isLessThanOrEqualTo(arena.config().magazineCapacity());
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void cachedBlocksDoNotCountAsLive() {
        try (HakmemArena arena = HakmemArena.create()) {
            List<MemorySegment> blocks = allocate(arena, 100, 32);
            blocks.subList(0, 60).forEach(arena::free);
            HakmemStats stats = arena.stats();
            assertThat(stats.liveBlocks()).isEqualTo(40);
            assertThat(stats.liveBytes()).isEqualTo(40 * 32);
            assertThat(stats.magazineBlocks()).isGreaterThanOrEqualTo(60);
            blocks.subList(60, 100).forEach(arena::free);
        }
    }

    @Test
    void siteTrackingKeepsTheThreadCachesOnAndForgetsFreedBlocks() {
        HakmemConfig config = HakmemConfig.builder().trackAllocationSites(true).build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            List<MemorySegment> blocks = allocate(arena, 100, 32);
            blocks.subList(0, 60).forEach(arena::free);
            HakmemStats stats = arena.stats();
            assertThat(stats.magazineBlocks())
                    .as("freed blocks parked in this thread's cache")
                    .isGreaterThanOrEqualTo(60);
            assertThat(stats.liveBlocks()).isEqualTo(40);
            List<LiveBlock> live = arena.liveBlocks(1000);
            assertThat(live).hasSize(40);
            assertThat(live.get(0).allocationSite().get(0).getMethodName()).isEqualTo("allocate");
            assertThat(live.get(0).allocationSite().get(0).getClassName()).isEqualTo(ThreadCacheTest.class.getName());
            // A refused free keeps the block's site.
            MemorySegment kept = blocks.get(99);
            assertThatThrownBy(() -> arena.free(kept.asSlice(8))).isInstanceOf(IllegalArgumentException.class);
            assertThat(arena.liveBlocks(1000)).hasSize(40);
            blocks.subList(60, 100).forEach(arena::free);
            assertThat(arena.liveBlocks(1000)).isEmpty();
        }
    }

    @Test
    void trimFromAnotherThreadReclaimsTheCacheOfAnIdleLiveThread() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            CountDownLatch filled = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread idle = new Thread(
                    () -> {
                        fillCachesAndFreeAll(arena);
                        filled.countDown();
                        await(release);
                        // The cache was revoked while this thread slept: it must still work, correctly.
                        List<MemorySegment> again = allocate(arena, 5_000, 48);
                        again.forEach(arena::free);
                    },
                    "idle-holder");
            idle.start();
            filled.await();
            assertThat(arena.stats().magazineBlocks()).isPositive();
            assertThat(arena.threadsHoldingCachedBlocks()).anyMatch(n -> n.startsWith("idle-holder"));

            ArenaAssertions.assertTrimReclaimsEverything(arena);
            assertThat(idle.isAlive()).isTrue();
            release.countDown();
            idle.join();
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void trimReclaimsTheCacheOfADeadThread() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            Thread dead = new Thread(() -> fillCachesAndFreeAll(arena), "short-lived");
            dead.start();
            dead.join();
            assertThat(arena.stats().magazineBlocks()).isPositive();
            assertThat(ArenaAssertions.assertTrimReclaimsEverything(arena).liveBlocks())
                    .isZero();
        }
    }

    @Test
    void backgroundTrimReturnsEverySuperSlabOfAnIdleThreadWithinASecond() throws Exception {
        HakmemConfig config = HakmemConfig.builder()
                .backgroundTrimInterval(Duration.ofMillis(100))
                .build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            CountDownLatch filled = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread idle = new Thread(
                    () -> {
                        fillCachesAndFreeAll(arena);
                        filled.countDown();
                        await(release);
                    },
                    "idle-under-background-trim");
            idle.start();
            filled.await();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            HakmemStats stats = arena.stats();
            while (stats.superSlabsLive() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                stats = arena.stats();
            }
            assertThat(stats.superSlabsLive())
                    .as("SuperSlabs still mapped one second after going idle: %s", stats)
                    .isZero();
            assertThat(stats.mappedBytes()).isZero();
            assertThat(stats.magazineBlocks()).isZero();
            release.countDown();
            idle.join();
        }
    }

    @Test
    void aFreedSegmentIsHandedOutAgainOnlyForTheSameSizeAndAlwaysCleared() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment first = arena.allocate(16);
            first.set(ValueLayout.JAVA_LONG, 8, -1L);
            arena.free(first);
            MemorySegment again = arena.allocate(16);
            assertThat(again)
                    .as("same block, same segment object: no garbage per allocation")
                    .isSameAs(first);
            assertThat(again.get(ValueLayout.JAVA_LONG, 8))
                    .as("cleared on reuse")
                    .isZero();
            again.set(ValueLayout.JAVA_LONG, 0, -1L);
            arena.free(again);

            MemorySegment smaller = arena.allocate(12);
            assertThat(smaller.address()).as("same block").isEqualTo(first.address());
            assertThat(smaller).isNotSameAs(first);
            assertThat(smaller.byteSize()).isEqualTo(12);
            assertThat(smaller.get(ValueLayout.JAVA_LONG_UNALIGNED, 0)).isZero();
            arena.free(smaller);
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void aDoubleFreeOfARecycledSegmentIsCaughtAndTheArenaStaysConsistent() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment block = arena.allocate(32);
            arena.free(block);
            MemorySegment again = arena.allocate(32);
            assertThat(again).isSameAs(block);
            arena.free(again);
            assertThatThrownBy(() -> arena.free(again))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free")
                    .hasMessageContaining(Long.toHexString(block.address()));
            MemorySegment third = arena.allocate(32);
            assertThat(third.address()).isEqualTo(block.address());
            arena.free(third);
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void aBlockHandedOutBeforeTheCacheWasRevokedIsFreedCorrectlyAfterwards() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            List<MemorySegment> held = allocate(arena, 100, 16);
            MemorySegment recycled = held.get(99);
            arena.free(recycled);
            MemorySegment out = arena.allocate(16);
            assertThat(out).isSameAs(recycled);
            Thread trimmer = new Thread(arena::trim);
            trimmer.start();
            trimmer.join();
            assertThat(arena.stats().magazineBlocks()).as("revoked").isZero();
            arena.free(out);
            held.subList(0, 99).forEach(arena::free);
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void aFreedReadOnlyViewIsNeverHandedOutAgain() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment block = arena.allocate(24);
            arena.free(block.asReadOnly());
            MemorySegment again = arena.allocate(24);
            assertThat(again.address()).isEqualTo(block.address());
            assertThat(again.isReadOnly()).isFalse();
            again.set(ValueLayout.JAVA_LONG, 16, 7L);
            assertThat(again.get(ValueLayout.JAVA_LONG, 16)).isEqualTo(7L);
            arena.free(again);
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void magazinesOffIsStillCorrect() {
        HakmemConfig off = HakmemConfig.builder().magazineCapacity(0).build();
        try (HakmemArena arena = HakmemArena.create(off)) {
            List<MemorySegment> blocks = allocate(arena, 200_000, 16);
            assertThat(verify(blocks)).isZero();
            blocks.forEach(arena::free);
            HakmemStats stats = arena.stats();
            assertThat(stats.magazineBlocks()).isZero();
            assertThat(stats.blockFreesToSpans()).isEqualTo(200_000);
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    private static void fillCachesAndFreeAll(HakmemArena arena) {
        for (int size : new int[] {16, 48, 200, 1000}) {
            List<MemorySegment> blocks = allocate(arena, 3_000, size);
            if (verify(blocks) != 0) {
                throw new AssertionError("corrupted blocks of " + size + " B");
            }
            blocks.forEach(arena::free);
        }
    }

    static List<MemorySegment> allocate(HakmemArena arena, int count, int size) {
        List<MemorySegment> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MemorySegment s = arena.allocate(size);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, s.address() ^ 0x5A5A5A5AL);
            s.set(ValueLayout.JAVA_BYTE, size - 1, (byte) size);
            blocks.add(s);
        }
        return blocks;
    }

    /** @return how many blocks lost the pattern written by {@link #allocate} */
    static int verify(List<MemorySegment> blocks) {
        int bad = 0;
        for (MemorySegment s : blocks) {
            int size = (int) s.byteSize();
            if (s.get(ValueLayout.JAVA_LONG_UNALIGNED, 0) != (s.address() ^ 0x5A5A5A5AL)
                    || s.get(ValueLayout.JAVA_BYTE, size - 1) != (byte) size) {
                bad++;
            }
        }
        return bad;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
