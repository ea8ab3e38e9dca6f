package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HakmemArena#classStats()} against allocations the test knows: exact live blocks,
 * allocations and frees per class, with thread caches on and off, and across threads.
 */
class ClassStatsTest {

    private static final long SLAB = 64L << 10;

    @ParameterizedTest(name = "magazineCapacity {0}")
    @ValueSource(ints = {0, 2048})
    void oneHundredSixteenByteAndTenTwoKiBBlocksAreCountedExactlyInTheirClasses(int magazineCapacity) {
        HakmemConfig config =
                HakmemConfig.builder().magazineCapacity(magazineCapacity).build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            List<MemorySegment> small = allocate(arena, 100, 16);
            List<MemorySegment> medium = allocate(arena, 10, 2048);

            List<SizeClassStats> classes = arena.classStats();
            assertThat(classes).extracting(SizeClassStats::blockSize).containsExactly(16L, 2048L);
            SizeClassStats sixteen = classes.get(0);
            SizeClassStats twoKiB = classes.get(1);
            assertThat(sixteen.liveBlocks()).isEqualTo(100);
            assertThat(sixteen.allocations()).isEqualTo(100);
            assertThat(sixteen.frees()).isZero();
            assertThat(sixteen.liveBlockBytes()).isEqualTo(1600);
            assertThat(twoKiB.liveBlocks()).isEqualTo(10);
            assertThat(twoKiB.allocations()).isEqualTo(10);
            // 16 B: one 64 KiB slab of 4096 blocks. 2 KiB: one slab of 32 blocks.
            assertThat(sixteen.spans()).isEqualTo(1);
            assertThat(twoKiB.spans()).isEqualTo(1);
            assertThat(sixteen.liveBlocks() + sixteen.cachedBlocks() + sixteen.freeBlocks())
                    .isEqualTo(4096);
            assertThat(twoKiB.liveBlocks() + twoKiB.cachedBlocks() + twoKiB.freeBlocks())
                    .isEqualTo(32);
            if (magazineCapacity == 0) {
                assertThat(sixteen.cachedBlocks()).isZero();
                assertThat(twoKiB.cachedBlocks()).isZero();
                assertThat(twoKiB.freeBlocks()).isEqualTo(32 - 10);
            } else {
                // The first refill takes a quarter of the magazine: 256 of 2048 slots for 16 B,
                // and for 2 KiB 32 of the 128 slots its 256 KiB bound allows, the whole slab.
                assertThat(sixteen.cachedBlocks()).isEqualTo(256 - 100);
                assertThat(twoKiB.cachedBlocks()).isEqualTo(32 - 10);
                assertThat(sixteen.cachedBlocks() + twoKiB.cachedBlocks())
                        .isEqualTo(arena.stats().magazineBlocks());
            }
            small.forEach(b -> b.set(ValueLayout.JAVA_LONG, 0, 1L));
            medium.forEach(b -> b.fill((byte) 1));
            sixteen = arena.classStats().get(0);
            twoKiB = arena.classStats().get(1);
            if (arena.stats().residentBytes() >= 0) {
                // Fresh pages are not cleared, so only the pages written above are resident.
                assertThat(sixteen.residentBytes()).isBetween(1600L, SLAB);
                assertThat(twoKiB.residentBytes())
                        .isGreaterThanOrEqualTo(10 * 2048)
                        .isLessThanOrEqualTo(SLAB);
            }

            small.subList(0, 40).forEach(arena::free);
            medium.subList(0, 3).forEach(arena::free);
            classes = arena.classStats();
            assertThat(classes)
                    .extracting(SizeClassStats::liveBlocks, SizeClassStats::allocations, SizeClassStats::frees)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(60L, 100L, 40L),
                            org.assertj.core.groups.Tuple.tuple(7L, 10L, 3L));
        }
    }

    @Test
    void allocationsAndFreesAddUpAcrossRefillsDrainsAndReuse() {
        try (HakmemArena arena =
                HakmemArena.create(HakmemConfig.builder().drainInterval(64).build())) {
            for (int round = 0; round < 10; round++) {
                allocate(arena, 1000, 24).forEach(arena::free);
            }
            List<MemorySegment> kept = allocate(arena, 7, 24);
            SizeClassStats c = single(arena.classStats());
            assertThat(c.blockSize()).isEqualTo(24);
            assertThat(c.allocations()).isEqualTo(10_007);
            assertThat(c.frees()).isEqualTo(10_000);
            assertThat(c.liveBlocks()).isEqualTo(7);
            kept.forEach(arena::free);
            assertThat(single(arena.classStats()).frees()).isEqualTo(10_007);
        }
    }

    @Test
    void blocksFreedByAnotherThreadCountAsFreesBeforeAndAfterCollection() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            List<MemorySegment> blocks = allocate(arena, 50, 100);
            Thread other = Thread.ofPlatform().start(() -> blocks.forEach(arena::free));
            other.join();
            SizeClassStats pending = single(arena.classStats());
            assertThat(pending.blockSize()).as("100 B lands in the 112 B class").isEqualTo(112);
            assertThat(pending.liveBlocks()).isZero();
            assertThat(pending.frees()).isEqualTo(50);
            assertThat(pending.allocations()).isEqualTo(50);
            arena.trim();
            assertThat(arena.classStats())
                    .as("trim gave the empty span back, the class keeps its history")
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.frees()).isEqualTo(50);
                        assertThat(c.allocations()).isEqualTo(50);
                        assertThat(c.spans()).isZero();
                        assertThat(c.residentBytes()).isIn(0L, -1L);
                    });
        }
    }

    @Test
    void aDeadThreadsFreesAreStillCounted() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            Thread worker =
                    Thread.ofPlatform().start(() -> allocate(arena, 300, 8).forEach(arena::free));
            worker.join();
            arena.trim(); // reaps the dead thread's cache
            assertThat(single(arena.classStats())).satisfies(c -> {
                assertThat(c.blockSize()).isEqualTo(8);
                assertThat(c.allocations()).isEqualTo(300);
                assertThat(c.frees()).isEqualTo(300);
                assertThat(c.cachedBlocks()).isZero();
            });
        }
    }

    @Test
    void largeBlocksStayOutOfTheClassesAndAClosedArenaHasNone() {
        HakmemArena arena = HakmemArena.create();
        arena.allocate(1L << 20);
        assertThat(arena.classStats()).isEmpty();
        assertThat(arena.stats().largeMappings()).isEqualTo(1);
        arena.allocate(16);
        arena.close();
        assertThat(arena.classStats()).isEmpty();
    }

    @Test
    void statsToStringUsesBinaryUnits() {
        HakmemStats stats = new HakmemStats(100, 1600, 1, 1, 0, 0, 0, 0, 156, 2L << 20, 8192, 0, 0, 0);
        assertThat(stats.toString())
                .contains(
                        "liveBlocks=100",
                        "liveBytes=1.6 KiB",
                        "mapped=2.0 MiB",
                        "resident=8.0 KiB",
                        "overhead=412.0 %",
                        "superSlabs=1 live/1 mapped/0 released");
        HakmemStats unknown = new HakmemStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0);
        assertThat(unknown.toString()).contains("liveBytes=0 B", "resident=n/a", "overhead=n/a");
    }

    private static SizeClassStats single(List<SizeClassStats> classes) {
        assertThat(classes).hasSize(1);
        return classes.get(0);
    }

    private static List<MemorySegment> allocate(HakmemArena arena, int n, long size) {
        List<MemorySegment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(arena.allocate(size));
        }
        return out;
    }
}
