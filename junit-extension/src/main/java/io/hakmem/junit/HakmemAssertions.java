package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import org.jspecify.annotations.NullMarked;

/**
 * AssertJ entry points for hakmem arenas and their statistics.
 *
 * <pre>{@code
 * import static io.hakmem.junit.HakmemAssertions.assertThat;
 *
 * MemorySegment s = arena.allocate(24);
 * assertThat(arena).hasLiveBlocks(1).hasLiveBytes(24);
 * arena.free(s);
 * assertThat(arena).hasNoLeaks().hasReclaimedAllSuperSlabs();
 * assertThat(arena.stats()).hasOverheadAtMostPercent(50.0);
 * }</pre>
 *
 * <p>With soft assertions, use {@link HakmemSoftAssertions}.
 */
@NullMarked
public final class HakmemAssertions {

    private HakmemAssertions() {}

    /**
     * Starts assertions on an arena.
     *
     * @param actual the arena to check; it stays open
     * @return assertions on the arena
     */
    public static HakmemArenaAssert assertThat(HakmemArena actual) {
        return new HakmemArenaAssert(actual);
    }

    /**
     * Starts assertions on a statistics snapshot.
     *
     * @param actual the snapshot to check
     * @return assertions on the snapshot
     */
    public static HakmemStatsAssert assertThat(HakmemStats actual) {
        return new HakmemStatsAssert(actual);
    }
}
