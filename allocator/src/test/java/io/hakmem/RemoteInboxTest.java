package io.hakmem;

import static io.hakmem.ArenaAssertions.assertLive;
import static io.hakmem.ArenaAssertions.assertTrimReclaimsEverything;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Frees from other threads wait in their owner's inbox; the owner takes them back into its own
 * cache without going through the spans, and an owner that lets go, idles or dies strands none.
 */
class RemoteInboxTest {

    private static final int BLOCKS = 500;

    @Test
    void blocksAnotherThreadFreedGoBackIntoTheOwnersCacheWithoutPassingThroughTheirSpans() throws Exception {
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService owner = Executors.newSingleThreadExecutor();
                ExecutorService freer = Executors.newSingleThreadExecutor()) {
            List<MemorySegment> first =
                    owner.submit(() -> allocateStamped(arena, 1)).get();
            freer.submit(() -> freeChecked(first, 1, arena)).get();
            HakmemStats before = arena.stats();
            long leftOver = before.magazineBlocks();

            List<MemorySegment> second =
                    owner.submit(() -> allocateStamped(arena, 2)).get();

            HakmemStats after = arena.stats();
            assertThat(after.blockFreesToSpans())
                    .as("blocks given back to spans while the owner took the remote frees back")
                    .isEqualTo(before.blockFreesToSpans());
            assertThat(after.superSlabsMappedTotal()).isEqualTo(before.superSlabsMappedTotal());
            // Every block of the second round is a leftover of the owner's cache or a block the
            // other thread freed (one refill's collection fills every class, so which go first varies).
            assertThat(reused(first, second)).isGreaterThanOrEqualTo(BLOCKS - leftOver);
            owner.submit(() -> freeChecked(second, 2, arena)).get();
            assertLive(arena, 0, 0);
            assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void remoteFreesWaitingForAnIdleOwnerAreCollectedByTrimAndItsInboxReopensAfter() throws Exception {
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService owner = Executors.newSingleThreadExecutor();
                ExecutorService freer = Executors.newSingleThreadExecutor()) {
            for (int round = 1; round <= 3; round++) {
                int stamp = round;
                List<MemorySegment> blocks =
                        owner.submit(() -> allocateStamped(arena, stamp)).get();
                // Freed while the owner is parked: the spans wait in its inbox until trim revokes it.
                freer.submit(() -> freeChecked(blocks, stamp, arena)).get();
                assertLive(arena, 0, 0);
                assertTrimReclaimsEverything(arena);
            }
        }
    }

    @Test
    void remoteFreesWaitingForAThreadThatDiesAreCollectedOnceItIsReaped() throws Exception {
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService freer = Executors.newSingleThreadExecutor()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread dying = new Thread(() -> {
                List<MemorySegment> blocks = allocateStamped(arena, 9);
                // Freed into this thread's inbox while it lives; it dies with them waiting there.
                try {
                    freer.submit(() -> freeChecked(blocks, 9, arena)).get();
                } catch (Exception | AssertionError e) {
                    failure.set(e);
                }
            });
            dying.start();
            dying.join();
            assertThat(failure.get()).isNull();
            assertLive(arena, 0, 0);
            assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void twoThreadsFreeingEachOthersBlocksForManyRoundsKeepEveryBlockIntactAndStrandNothing() throws Exception {
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService a = Executors.newSingleThreadExecutor();
                ExecutorService b = Executors.newSingleThreadExecutor()) {
            List<MemorySegment> ofA = new ArrayList<>();
            List<MemorySegment> ofB = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                int stamp = round;
                List<MemorySegment> nextA = a.submit(() -> {
                            freeChecked(ofB, -stamp + 1, arena);
                            return allocateStamped(arena, stamp);
                        })
                        .get();
                List<MemorySegment> nextB = b.submit(() -> {
                            freeChecked(ofA, stamp - 1, arena);
                            return allocateStamped(arena, -stamp);
                        })
                        .get();
                ofA.clear();
                ofA.addAll(nextA);
                ofB.clear();
                ofB.addAll(nextB);
            }
            a.submit(() -> freeChecked(ofB, -39, arena)).get();
            b.submit(() -> freeChecked(ofA, 39, arena)).get();
            assertLive(arena, 0, 0);
            assertThat(arena.stats().doubleFreesDetected()).isZero();
            assertTrimReclaimsEverything(arena);
        }
    }

    /** Allocates {@link #BLOCKS} blocks of mixed small sizes, each stamped with its index and {@code stamp}. */
    private static List<MemorySegment> allocateStamped(HakmemArena arena, long stamp) {
        List<MemorySegment> out = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            MemorySegment s = arena.allocate(16 + (i % 3) * 48);
            s.set(ValueLayout.JAVA_LONG, 0, stamp);
            s.set(ValueLayout.JAVA_LONG, 8, i);
            out.add(s);
        }
        return out;
    }

    /** Checks each block's stamp, then frees it. */
    private static void freeChecked(List<MemorySegment> blocks, long stamp, HakmemArena arena) {
        for (int i = 0; i < blocks.size(); i++) {
            MemorySegment s = blocks.get(i);
            assertThat(s.get(ValueLayout.JAVA_LONG, 0))
                    .as("stamp of block %d", i)
                    .isEqualTo(stamp);
            assertThat(s.get(ValueLayout.JAVA_LONG, 8))
                    .as("index of block %d", i)
                    .isEqualTo(i);
            arena.free(s);
        }
    }

    private static long reused(List<MemorySegment> first, List<MemorySegment> second) {
        Set<Long> addresses = new HashSet<>();
        first.forEach(s -> addresses.add(s.address()));
        return second.stream().filter(s -> addresses.contains(s.address())).count();
    }
}
