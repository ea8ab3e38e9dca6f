package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.NullMarked;

/**
 * Assertions on a live {@link HakmemArena}; create with
 * {@link HakmemAssertions#assertThat(HakmemArena)}. Each check reads a fresh
 * {@link HakmemArena#stats()} snapshot; {@link #hasNoLeaks()} lists the leaked blocks.
 *
 * <pre>{@code
 * assertThat(arena).hasNoLeaks().hasReclaimedAllSuperSlabs();
 * }</pre>
 */
@NullMarked
public class HakmemArenaAssert extends AbstractAssert<HakmemArenaAssert, HakmemArena> {

    /**
     * Public for AssertJ's soft-assertion proxies; prefer {@link HakmemAssertions#assertThat(HakmemArena)}.
     *
     * @param actual the arena
     */
    public HakmemArenaAssert(HakmemArena actual) {
        super(actual, HakmemArenaAssert.class);
    }

    /** {@return this, after checking that no block is live; the message lists up to 20 leaked blocks} */
    public HakmemArenaAssert hasNoLeaks() {
        isNotNull();
        HakmemStats stats = actual.stats();
        if (stats.liveBlocks() != 0) {
            failWithActualExpectedAndMessage(stats.liveBlocks(), 0L, "Expected no leaked blocks but %s",
                    LeakReport.describe(actual, stats, null, "the arena"));
        }
        return this;
    }

    /**
     * @param expected the number of live blocks
     * @return this
     */
    public HakmemArenaAssert hasLiveBlocks(long expected) {
        statsAssert().hasLiveBlocks(expected);
        return this;
    }

    /**
     * @param expected the requested bytes of all live blocks
     * @return this
     */
    public HakmemArenaAssert hasLiveBytes(long expected) {
        statsAssert().hasLiveBytes(expected);
        return this;
    }

    /**
     * Calls {@link HakmemArena#trim()}, as the extension does, then checks that no SuperSlab and no
     * byte is mapped any more.
     *
     * @return this
     */
    public HakmemArenaAssert hasReclaimedAllSuperSlabs() {
        isNotNull();
        actual.trim();
        statsAssert().hasReclaimedAllSuperSlabs();
        return this;
    }

    /**
     * @param maxPercent the highest acceptable {@link HakmemStats#overheadPercent()}
     * @return this
     */
    public HakmemArenaAssert hasOverheadAtMostPercent(double maxPercent) {
        statsAssert().hasOverheadAtMostPercent(maxPercent);
        return this;
    }

    private HakmemStatsAssert statsAssert() {
        isNotNull();
        HakmemStatsAssert delegate = new HakmemStatsAssert(actual.stats());
        if (info.hasDescription()) {
            delegate.as(info.description());
        }
        return delegate;
    }
}
