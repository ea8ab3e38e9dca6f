package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.NullMarked;

/**
 * AssertJ soft assertions that also know hakmem's types: every failed check is collected and
 * reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * HakmemSoftAssertions softly = new HakmemSoftAssertions();
 * softly.assertThat(arena).hasLiveBlocks(0);
 * softly.assertThat(arena.stats()).hasReclaimedAllSuperSlabs();
 * softly.assertThat("other").isNotEmpty();
 * softly.assertAll();
 * }</pre>
 */
@NullMarked
public class HakmemSoftAssertions extends SoftAssertions {

    /** Creates an empty collection of soft assertions. */
    public HakmemSoftAssertions() {}

    /**
     * Starts soft assertions on an arena: failures are collected, not thrown.
     *
     * @param actual the arena to check
     * @return soft assertions on the arena
     */
    public HakmemArenaAssert assertThat(HakmemArena actual) {
        return proxy(HakmemArenaAssert.class, HakmemArena.class, actual);
    }

    /**
     * Starts soft assertions on a statistics snapshot: failures are collected, not thrown.
     *
     * @param actual the snapshot to check
     * @return soft assertions on the snapshot
     */
    public HakmemStatsAssert assertThat(HakmemStats actual) {
        return proxy(HakmemStatsAssert.class, HakmemStats.class, actual);
    }
}
