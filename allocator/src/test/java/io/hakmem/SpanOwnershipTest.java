package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A span one thread cache carves is its own: other threads' blocks come from other slabs. */
class SpanOwnershipTest {

    private static final long SLAB_SHIFT = 16;

    @Test
    void twoThreadsAllocatingTheSameClassNeverShareASlab() throws Exception {
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService a = Executors.newSingleThreadExecutor();
                ExecutorService b = Executors.newSingleThreadExecutor()) {
            // Interleaved so that each thread refills while the other's span still has room.
            List<MemorySegment> ofA = new ArrayList<>();
            List<MemorySegment> ofB = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                ofA.addAll(a.submit(() -> allocate(arena, 200, 1)).get());
                ofB.addAll(b.submit(() -> allocate(arena, 200, 2)).get());
            }
            Set<Long> slabsOfA = slabs(ofA);
            Set<Long> slabsOfB = slabs(ofB);
            assertThat(slabsOfA).as("slabs A carved").isNotEmpty();
            assertThat(slabsOfB).as("slabs shared by A and B").doesNotContainAnyElementsOf(slabsOfA);
            // The contents each thread wrote survived the other's work.
            ofA.forEach(s -> assertThat(s.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(1L));
            ofB.forEach(s -> assertThat(s.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(2L));
            a.submit(() -> ofA.forEach(arena::free)).get();
            b.submit(() -> ofB.forEach(arena::free)).get();
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void aThreadFreeingItsNeighbourBlockDoesNotThenGetBlocksBesideIt() throws Exception {
        // cache-scratch: thread A allocates two neighbours, B frees one of them and then works on
        // blocks of its own; they must not sit in A's cache lines.
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService a = Executors.newSingleThreadExecutor();
                ExecutorService b = Executors.newSingleThreadExecutor()) {
            List<MemorySegment> pair = a.submit(() -> allocate(arena, 2, 7)).get();
            MemorySegment kept = pair.get(0);
            List<MemorySegment> ofB = b.submit(() -> {
                        arena.free(pair.get(1));
                        List<MemorySegment> mine = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            MemorySegment s = arena.allocate(16);
                            mine.add(s);
                        }
                        return mine;
                    })
                    .get();
            for (MemorySegment s : ofB) {
                assertThat(s.address() >>> SLAB_SHIFT)
                        .as("slab of B's block")
                        .isNotEqualTo(kept.address() >>> SLAB_SHIFT);
            }
            b.submit(() -> ofB.forEach(arena::free)).get();
            a.submit(() -> arena.free(kept)).get();
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void spansOfADeadThreadAreCarvedAgainInsteadOfLeftStranded() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            List<MemorySegment> ofDead = new ArrayList<>();
            Thread dead = new Thread(() -> ofDead.addAll(allocate(arena, 300, 3)));
            dead.start();
            dead.join();
            // Half of the dead thread's blocks come back: its span has room that nobody owns now.
            Set<Long> deadSlabs = slabs(ofDead);
            for (int i = 0; i < ofDead.size(); i += 2) {
                arena.free(ofDead.get(i));
            }
            List<MemorySegment> ofLiving =
                    CompletableFuture.supplyAsync(() -> allocate(arena, 100, 4)).get();
            assertThat(slabs(ofLiving)).as("slabs reused from the dead thread").containsAnyElementsOf(deadSlabs);
            for (int i = 1; i < ofDead.size(); i += 2) {
                arena.free(ofDead.get(i));
            }
            ofLiving.forEach(arena::free);
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void remoteFreesWaitingForALiveOwnerCountAsFreedAndTrimCollectsThemOnceItLetsGo() throws Exception {
        try (HakmemArena arena = HakmemArena.create();
                ExecutorService owner = Executors.newSingleThreadExecutor()) {
            List<MemorySegment> blocks =
                    owner.submit(() -> allocate(arena, 500, 5)).get();
            // Freed by this thread: remote frees into spans the owner (alive, parked) still holds.
            blocks.forEach(arena::free);
            HakmemStats pending = arena.stats();
            assertThat(pending.liveBlocks())
                    .as("live blocks while the owner has not collected")
                    .isZero();
            assertThat(pending.liveBytes()).isZero();
            assertThat(pending.doubleFreesDetected())
                    .as("uncollected bits are not double frees")
                    .isZero();
            // trim() revokes the parked owner's cache, which lets go of its spans: all comes back.
            HakmemStats trimmed = ArenaAssertions.assertTrimReclaimsEverything(arena);
            assertThat(trimmed.doubleFreesDetected()).isZero();
            // The owner carries on with a fresh cache.
            List<MemorySegment> again =
                    owner.submit(() -> allocate(arena, 10, 6)).get();
            again.forEach(s -> assertThat(s.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(6L));
            owner.submit(() -> again.forEach(arena::free)).get();
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    private static List<MemorySegment> allocate(HakmemArena arena, int n, long mark) {
        List<MemorySegment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemorySegment s = arena.allocate(16);
            s.set(ValueLayout.JAVA_LONG, 0, mark);
            out.add(s);
        }
        return out;
    }

    private static Set<Long> slabs(List<MemorySegment> blocks) {
        Set<Long> out = new HashSet<>();
        blocks.forEach(s -> out.add(s.address() >>> SLAB_SHIFT));
        return out;
    }
}
