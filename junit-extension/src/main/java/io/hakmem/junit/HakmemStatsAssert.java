package io.hakmem.junit;

import io.hakmem.HakmemStats;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.NullMarked;

/**
 * Assertions on a {@link HakmemStats} snapshot; create with
 * {@link HakmemAssertions#assertThat(HakmemStats)}.
 *
 * <pre>{@code
 * assertThat(arena.stats()).hasLiveBlocks(0).hasReclaimedAllSuperSlabs();
 * }</pre>
 */
@NullMarked
public class HakmemStatsAssert extends AbstractAssert<HakmemStatsAssert, HakmemStats> {

    /**
     * Public for AssertJ's soft-assertion proxies; prefer {@link HakmemAssertions#assertThat(HakmemStats)}.
     *
     * @param actual the snapshot
     */
    public HakmemStatsAssert(HakmemStats actual) {
        super(actual, HakmemStatsAssert.class);
    }

    /** {@return this, after checking that no block is live} */
    public HakmemStatsAssert hasNoLeaks() {
        isNotNull();
        if (actual.liveBlocks() != 0 || actual.liveBytes() != 0) {
            failWithActualExpectedAndMessage(actual.liveBlocks(), 0L,
                    "Expected no leaked blocks but %d blocks (%d bytes) are still live", actual.liveBlocks(),
                    actual.liveBytes());
        }
        return this;
    }

    /**
     * @param expected the number of live blocks
     * @return this
     */
    public HakmemStatsAssert hasLiveBlocks(long expected) {
        isNotNull();
        if (actual.liveBlocks() != expected) {
            failWithActualExpectedAndMessage(actual.liveBlocks(), expected,
                    "Expected %d live blocks but was %d", expected, actual.liveBlocks());
        }
        return this;
    }

    /**
     * @param expected the requested bytes of all live blocks
     * @return this
     */
    public HakmemStatsAssert hasLiveBytes(long expected) {
        isNotNull();
        if (actual.liveBytes() != expected) {
            failWithActualExpectedAndMessage(actual.liveBytes(), expected,
                    "Expected %d live bytes but was %d", expected, actual.liveBytes());
        }
        return this;
    }

    /** {@return this, after checking that no SuperSlab and no byte is mapped any more} */
    public HakmemStatsAssert hasReclaimedAllSuperSlabs() {
        isNotNull();
        if (!ReclamationReport.reclaimed(actual)) {
            failWithActualExpectedAndMessage(actual.superSlabsLive() + " SuperSlabs, " + actual.mappedBytes()
                    + " bytes mapped", "0 SuperSlabs, 0 bytes mapped",
                    "Expected every SuperSlab to be given back to the OS but %d SuperSlabs and %d bytes are"
                            + " still mapped (%d live blocks, %d blocks in thread caches)",
                    actual.superSlabsLive(), actual.mappedBytes(), actual.liveBlocks(), actual.magazineBlocks());
        }
        return this;
    }

    /**
     * Checks {@link HakmemStats#overheadPercent()}: resident bytes beyond the live bytes.
     *
     * @param maxPercent the highest acceptable overhead, in percent; 0 or more
     * @return this
     */
    public HakmemStatsAssert hasOverheadAtMostPercent(double maxPercent) {
        isNotNull();
        if (!(maxPercent >= 0)) {
            throw new IllegalArgumentException("maxPercent must be 0 or more, was " + maxPercent);
        }
        double overhead = actual.overheadPercent();
        if (Double.isNaN(overhead)) {
            failWithMessage("Expected an overhead of at most %.1f %% but it is unknown: residentBytes=%d,"
                    + " liveBytes=%d (the portable backend cannot measure residency, and nothing live while"
                    + " memory is resident has no percentage)", maxPercent, actual.residentBytes(), actual.liveBytes());
        } else if (overhead > maxPercent) {
            failWithActualExpectedAndMessage(overhead, maxPercent,
                    "Expected an overhead of at most %.1f %% but was %.1f %% (%d bytes resident for %d live bytes)",
                    maxPercent, overhead, actual.residentBytes(), actual.liveBytes());
        }
        return this;
    }
}
