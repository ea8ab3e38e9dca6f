package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Checks shared by the single-threaded allocator tests. */
final class ArenaAssertions {

    private ArenaAssertions() {}

    /**
     * Proves that the arena still serves blocks after a failed call: a small, a medium and a
     * large block are allocated, written, read back and freed, and the live counters end where
     * they started.
     */
    static void assertStillWorks(HakmemArena arena) {
        HakmemStats before = arena.stats();
        for (long size : new long[] {48, 3000, 300 * 1024}) {
            MemorySegment block = arena.allocate(size);
            assertThat(block.byteSize()).isEqualTo(size);
            block.set(ValueLayout.JAVA_LONG, 0, 0x1234_5678_9abc_def0L);
            block.set(ValueLayout.JAVA_LONG, size - 8, size);
            assertThat(block.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(0x1234_5678_9abc_def0L);
            assertThat(block.get(ValueLayout.JAVA_LONG, size - 8)).isEqualTo(size);
            HakmemStats during = arena.stats();
            assertThat(during.liveBlocks()).isEqualTo(before.liveBlocks() + 1);
            assertThat(during.liveBytes()).isEqualTo(before.liveBytes() + size);
            arena.free(block);
        }
        assertLive(arena, before.liveBlocks(), before.liveBytes());
    }

    /** Asserts the live counters. */
    static void assertLive(HakmemArena arena, long blocks, long bytes) {
        HakmemStats stats = arena.stats();
        assertThat(stats.liveBlocks()).as("liveBlocks in %s", stats).isEqualTo(blocks);
        assertThat(stats.liveBytes()).as("liveBytes in %s", stats).isEqualTo(bytes);
    }

    /**
     * Calls {@code trim()} and asserts that nothing stays mapped: no SuperSlab, no byte, no
     * cached block.
     *
     * @return the stats after the trim, for further checks
     */
    static HakmemStats assertTrimReclaimsEverything(HakmemArena arena) {
        arena.trim();
        HakmemStats trimmed = arena.stats();
        assertThat(trimmed.superSlabsLive())
                .as("SuperSlabs after trim in %s", trimmed)
                .isZero();
        assertThat(trimmed.mappedBytes())
                .as("mapped bytes after trim in %s", trimmed)
                .isZero();
        assertThat(trimmed.magazineBlocks())
                .as("cached blocks after trim in %s", trimmed)
                .isZero();
        return trimmed;
    }

    /** @return the address as the allocator's messages print it */
    static String hex(MemorySegment segment) {
        return "0x" + Long.toHexString(segment.address());
    }
}
