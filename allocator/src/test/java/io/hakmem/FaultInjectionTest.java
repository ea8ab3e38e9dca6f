package io.hakmem;

import static io.hakmem.ArenaAssertions.assertLive;
import static io.hakmem.ArenaAssertions.assertStillWorks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An OS layer that refuses mappings on demand: allocations fail cleanly and nothing leaks. */
class FaultInjectionTest {

    private static final long SLAB = 64 * 1024;

    private final FailingOsMemory os = new FailingOsMemory();

    private HakmemArena arena(int magazineCapacity) {
        return HakmemArena.create(
                HakmemConfig.builder().magazineCapacity(magazineCapacity).build(), os);
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void aRefusedSuperSlabFailsTheAllocationAndTheArenaRecovers(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            os.refuseAll(true);
            for (long size : new long[] {32, 5000}) {
                assertThatThrownBy(() -> arena.allocate(size))
                        .isInstanceOf(OutOfMemoryError.class)
                        .hasMessageContaining("OS refused")
                        .hasMessageContaining("SuperSlab")
                        .hasMessageContaining(os.name());
            }
            HakmemStats failed = arena.stats();
            assertThat(failed.allocFailures()).isEqualTo(2);
            assertThat(failed.mappedBytes()).isZero();
            assertThat(failed.superSlabsMappedTotal()).isZero();
            assertThat(os.liveBytes()).isZero();
            assertLive(arena, 0, 0);

            os.refuseAll(false);
            MemorySegment block = arena.allocate(32);
            block.set(ValueLayout.JAVA_LONG, 24, 99);
            assertThat(block.get(ValueLayout.JAVA_LONG, 24)).isEqualTo(99);
            assertThat(arena.stats().superSlabsMappedTotal()).isEqualTo(1);
            assertThat(arena.stats().allocFailures()).isEqualTo(2);
            arena.free(block);
            assertStillWorks(arena);
        }
        assertThat(os.liveBytes()).isZero();
        assertThat(os.violations()).isEmpty();
    }

    @Test
    void whenTheOsRefusesMoreTheBlocksAlreadyMappedStayIntactAndFreedOnesAreReused() {
        try (HakmemArena arena = arena(0)) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                MemorySegment b = arena.allocate(SLAB);
                b.set(ValueLayout.JAVA_INT, 0, i);
                blocks.add(b);
            }
            assertThat(arena.stats().superSlabsLive()).isEqualTo(1);
            os.refuseAll(true);
            assertThatThrownBy(() -> arena.allocate(SLAB))
                    .isInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining("OS refused");
            HakmemStats failed = arena.stats();
            assertThat(failed.allocFailures()).isEqualTo(1);
            assertThat(failed.mappedBytes()).isEqualTo(2L << 20);
            assertThat(os.liveBytes()).isEqualTo(2L << 20);
            assertLive(arena, 32, 32 * SLAB);
            for (int i = 0; i < 32; i++) {
                assertThat(blocks.get(i).get(ValueLayout.JAVA_INT, 0)).isEqualTo(i);
            }
            // A freed slab serves the next block without asking the OS.
            MemorySegment freed = blocks.remove(5);
            arena.free(freed);
            MemorySegment reused = arena.allocate(SLAB);
            assertThat(reused.address()).isEqualTo(freed.address());
            assertThat(reused.get(ValueLayout.JAVA_INT, 0))
                    .as("zeroed on reuse")
                    .isZero();
            blocks.add(reused);

            os.refuseAll(false);
            blocks.add(arena.allocate(SLAB));
            assertThat(arena.stats().superSlabsLive()).isEqualTo(2);
            assertLive(arena, 33, 33 * SLAB);
            blocks.forEach(arena::free);
            arena.trim();
            assertThat(os.liveBytes()).isZero();
        }
        assertThat(os.violations()).isEmpty();
    }

    @Test
    void aRefusedLargeMappingFailsNamingTheSizeAndLeavesNoMapping() {
        try (HakmemArena arena = arena(1024)) {
            MemorySegment keep = arena.allocate(100);
            long mapped = arena.stats().mappedBytes();
            os.refuseAll(true);
            assertThatThrownBy(() -> arena.allocate(300 * 1024))
                    .isInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining("OS refused")
                    .hasMessageContaining("307200")
                    .hasMessageContaining(os.name());
            assertThatThrownBy(() -> arena.allocate(64, 8192))
                    .isInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining("aligned to 8192");
            HakmemStats failed = arena.stats();
            assertThat(failed.allocFailures()).isEqualTo(2);
            assertThat(failed.largeMappings()).isZero();
            assertThat(failed.mappedBytes()).isEqualTo(mapped);
            assertThat(os.liveBytes()).isEqualTo(mapped);
            assertLive(arena, 1, 100);

            os.refuseAll(false);
            MemorySegment large = arena.allocate(300 * 1024);
            large.set(ValueLayout.JAVA_LONG, 300 * 1024 - 8, 3);
            assertThat(arena.stats().largeMappings()).isEqualTo(1);
            arena.free(large);
            arena.free(keep);
            assertLive(arena, 0, 0);
            assertThat(arena.stats().largeMappings()).isZero();
        }
        assertThat(os.liveBytes()).isZero();
        assertThat(os.violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void intermittentRefusalsNeverLeakOrCorruptTheCounters(int magazineCapacity) {
        Random random = new Random(42);
        long failures = 0;
        try (HakmemArena arena = arena(magazineCapacity)) {
            os.refuseEvery(3);
            List<MemorySegment> live = new ArrayList<>();
            long liveBytes = 0;
            for (int step = 0; step < 3000; step++) {
                if (!live.isEmpty() && random.nextInt(3) == 0) {
                    MemorySegment b = live.remove(random.nextInt(live.size()));
                    liveBytes -= b.byteSize();
                    arena.free(b);
                } else {
                    long size = sizeFor(random);
                    try {
                        live.add(arena.allocate(size));
                        liveBytes += size;
                    } catch (OutOfMemoryError e) {
                        assertThat(e).hasMessageContaining("OS refused");
                        failures++;
                    }
                }
                if (step % 500 == 499) {
                    arena.trim();
                }
            }
            HakmemStats stats = arena.stats();
            assertThat(failures).isPositive();
            assertThat(stats.allocFailures()).isEqualTo(failures);
            assertThat(stats.mappedBytes()).isEqualTo(os.liveBytes());
            assertLive(arena, live.size(), liveBytes);
            live.forEach(arena::free);
            arena.trim();
            assertThat(arena.stats().mappedBytes()).isZero();
            assertThat(os.liveBytes()).isZero();
        }
        assertThat(os.refused()).isEqualTo((int) failures);
        assertThat(os.violations()).isEmpty();
    }

    @Test
    void closeUnmapsEveryRangeExactlyOnceWithLiveBlocksOutstanding() {
        HakmemArena arena = arena(1024);
        for (long size : new long[] {8, 100, 1024, 5000, 70_000, 256 * 1024, 300 * 1024}) {
            for (int i = 0; i < 50; i++) {
                arena.allocate(size);
            }
        }
        arena.allocate(100, 16384);
        assertThat(os.liveBytes()).isEqualTo(arena.stats().mappedBytes()).isPositive();
        arena.close();
        assertThat(os.liveBytes()).isZero();
        assertThat(os.violations()).isEmpty();
    }

    private static long sizeFor(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 256 * 1024 + random.nextInt(64 * 1024);
            case 1, 2 -> 1025 + random.nextInt(100_000);
            default -> random.nextInt(1025);
        };
    }
}
