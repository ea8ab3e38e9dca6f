package io.hakmem.junit;

import io.hakmem.HakmemStats;
import org.jspecify.annotations.NullMarked;

/**
 * Assertions on a {@link HakmemStats} snapshot; create with
 * {@link HakmemAssertions#assertThat(HakmemStats)}. To add checks of your own, extend
 * {@link AbstractHakmemStatsAssert}.
 *
 * <pre>{@code
 * assertThat(arena.stats()).hasLiveBlocks(0).hasOverheadAtMostPercent(50.0);
 * }</pre>
 */
@NullMarked
public class HakmemStatsAssert extends AbstractHakmemStatsAssert<HakmemStatsAssert> {

    /**
     * Public for AssertJ's soft-assertion proxies; prefer {@link HakmemAssertions#assertThat(HakmemStats)}.
     *
     * @param actual the snapshot
     */
    public HakmemStatsAssert(HakmemStats actual) {
        super(actual, HakmemStatsAssert.class);
    }
}
