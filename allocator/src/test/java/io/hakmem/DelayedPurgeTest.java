package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Purging and unmapping wait for a delay, never run on the free path, and reuse cancels them. */
class DelayedPurgeTest {

    private static final long SUPERSLAB = 2L << 20;

    @Test
    void churningBatchesOf64KiBBlocksNeitherUnmapsNorGrowsPastTheWorkingSet() {
        churn(64 << 10, 10_000);
    }

    @Test
    void churningBatchesOf256KiBBlocksNeitherUnmapsNorGrowsPastTheWorkingSet() {
        churn(256 << 10, 1_000);
    }

    private static void churn(int size, int batches) {
        try (HakmemArena arena = HakmemArena.create()) {
            long workingSet = (100L * size + SUPERSLAB - 1) / SUPERSLAB;
            long mostMapped = 0;
            List<MemorySegment> blocks = new ArrayList<>(100);
            for (int batch = 0; batch < batches; batch++) {
                for (int i = 0; i < 100; i++) {
                    MemorySegment block = arena.allocate(size);
                    if (block.get(ValueLayout.JAVA_LONG, size - 8) != 0) {
                        throw new AssertionError("a reused block was not cleared");
                    }
                    block.set(ValueLayout.JAVA_LONG, size - 8, batch + 1);
                    blocks.add(block);
                }
                mostMapped = Math.max(mostMapped, arena.stats().superSlabsLive());
                blocks.forEach(arena::free);
                blocks.clear();
            }
            HakmemStats after = arena.stats();
            assertThat(after.superSlabsReleasedTotal())
                    .as("SuperSlabs unmapped during the churn")
                    .isZero();
            assertThat(mostMapped)
                    .as("SuperSlabs mapped, working set %d", workingSet)
                    .isLessThanOrEqualTo(workingSet + 2);
            assertThat(after.superSlabsMappedTotal()).isEqualTo(after.superSlabsLive());
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void anEmptySlabReusedWithinItsDelayIsNeverPurged() {
        HakmemConfig config = HakmemConfig.builder()
                .magazineCapacity(0)
                .purgeDelay(Duration.ofSeconds(10))
                .build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            for (int round = 0; round < 1_000; round++) {
                arena.free(arena.allocate(16 << 10));
            }
            assertThat(arena.stats().slabsPurged()).isZero();
            assertThat(arena.stats().superSlabsMappedTotal()).isEqualTo(1);
        }
    }

    @Test
    void slabsEmptyForLongerThanTheDelayArePurgedByTheNextSlowPathAndRestAreKept() throws Exception {
        HakmemConfig config = HakmemConfig.builder()
                .magazineCapacity(0)
                .purgeDelay(Duration.ofMillis(50))
                .build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                MemorySegment block = arena.allocate(64 << 10);
                block.fill((byte) 7);
                blocks.add(block);
            }
            MemorySegment keep = blocks.remove(0);
            blocks.forEach(arena::free);
            long residentAfterFree = arena.stats().residentBytes();
            arena.free(arena.allocate(300 << 10));
            assertThat(arena.stats().slabsPurged()).as("within the delay").isZero();
            Thread.sleep(80);
            arena.free(arena.allocate(300 << 10));
            HakmemStats purged = arena.stats();
            assertThat(purged.slabsPurged()).isGreaterThanOrEqualTo(14);
            assertThat(purged.residentBytes()).isLessThan(residentAfterFree - 14L * (64 << 10) + 1);
            assertThat(keep.get(ValueLayout.JAVA_BYTE, 100)).isEqualTo((byte) 7);
            arena.free(keep);
        }
    }

    @Test
    void anIdleThreadsMemoryGoesBackWithinASecondWithTheBackgroundTrimmer() throws Exception {
        HakmemConfig config = HakmemConfig.builder()
                .backgroundTrimInterval(Duration.ofMillis(100))
                .build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            Thread worker = new Thread(() -> {
                List<MemorySegment> blocks = new ArrayList<>();
                for (int i = 0; i < 20_000; i++) {
                    blocks.add(arena.allocate(16 + i % 500));
                }
                blocks.forEach(arena::free);
                for (int i = 0; i < 40; i++) {
                    arena.free(arena.allocate(64 << 10));
                }
            });
            worker.start();
            worker.join();
            long start = System.nanoTime();
            while (arena.stats().mappedBytes() > 0 && System.nanoTime() - start < 2_000_000_000L) {
                Thread.sleep(10);
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(arena.stats().mappedBytes())
                    .as("mapped %d ms after the work ended", tookMillis)
                    .isZero();
            assertThat(tookMillis).isLessThan(1_000);
        }
    }
}
