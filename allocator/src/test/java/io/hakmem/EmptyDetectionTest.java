package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The seed's empty detection: the free of a SuperSlab's last block is counted at once. */
class EmptyDetectionTest {

    @Test
    void theLastFreeCountsTheSuperSlabEmptyOnceEvenWhileItsSpanIsKeptForReuse() {
        HakmemConfig noCaches = HakmemConfig.builder().magazineCapacity(0).build();
        try (HakmemArena arena = HakmemArena.create(noCaches)) {
            arena.free(arena.allocate(16));
            HakmemStats once = arena.stats();
            assertThat(once.emptySuperSlabsDetected()).isEqualTo(1);
            assertThat(once.superSlabsLive())
                    .as("the span stays for the next allocation")
                    .isEqualTo(1);

            arena.trim();
            assertThat(arena.stats().emptySuperSlabsDetected())
                    .as("trim releases it without counting again")
                    .isEqualTo(1);
            assertThat(arena.stats().superSlabsLive()).isZero();

            MemorySegment again = arena.allocate(16);
            arena.free(again);
            assertThat(arena.stats().emptySuperSlabsDetected())
                    .as("a new spell of emptiness counts anew")
                    .isEqualTo(2);
        }
    }

    @Test
    void withoutAnEmptyCacheAnEmptySuperSlabIsUnmappedAtTheFirstSlowPathAfterItsDelay() {
        HakmemConfig noCache = HakmemConfig.builder()
                .magazineCapacity(0)
                .emptySuperSlabCacheSize(0)
                .purgeDelay(java.time.Duration.ZERO)
                .build();
        try (HakmemArena arena = HakmemArena.create(noCache)) {
            arena.free(arena.allocate(16));
            assertThat(arena.stats().superSlabsReleasedTotal())
                    .as("never unmapped on the free path")
                    .isZero();
            arena.free(arena.allocate(300 << 10));
            HakmemStats stats = arena.stats();
            assertThat(stats.emptySuperSlabsDetected()).isEqualTo(1);
            assertThat(stats.superSlabsReleasedTotal()).isEqualTo(1);
            assertThat(stats.superSlabsLive()).isZero();
            assertThat(stats.mappedBytes()).isZero();
        }
    }
}
