package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import org.junit.jupiter.api.Test;

class ReclamationReportTest {

    private static HakmemStats stats(long liveBlocks, long superSlabsLive, long magazineBlocks, long mappedBytes) {
        return new HakmemStats(
                liveBlocks, liveBlocks * 16, superSlabsLive, 1, 0, 0, 0, 0, magazineBlocks, mappedBytes, 0, 0, 0, 0);
    }

    @Test
    void reclaimedOnlyWhenNothingIsMapped() {
        assertThat(ReclamationReport.reclaimed(stats(0, 0, 0, 0))).isTrue();
        assertThat(ReclamationReport.reclaimed(stats(0, 1, 0, 2 << 20))).isFalse();
        assertThat(ReclamationReport.reclaimed(stats(0, 0, 0, 4096))).isFalse();
    }

    @Test
    void namesLiveBlocksAsTheCause() {
        try (HakmemArena arena = HakmemArena.create()) {
            assertThat(ReclamationReport.describe(arena, stats(3, 1, 0, 2 << 20), "T.t()"))
                    .contains("the arena of T.t() still maps 1 SuperSlab and 0 large mappings, 2097152 bytes")
                    .contains("because 3 blocks (48 bytes) are still live");
        }
    }

    @Test
    void namesPinnedThreadCachesAsTheCause() {
        try (HakmemArena arena = HakmemArena.create()) {
            assertThat(ReclamationReport.describe(arena, stats(0, 1, 7, 2 << 20), "T.t()"))
                    .contains("7 freed blocks are pinned in the thread caches")
                    .contains("magazineCapacity = 0");
        }
    }

    @Test
    void callsAnUnexplainedMappingAnAllocatorBug() {
        try (HakmemArena arena = HakmemArena.create()) {
            assertThat(ReclamationReport.describe(arena, stats(0, 1, 0, 2 << 20), "T.t()"))
                    .contains("allocator bug");
        }
    }
}
