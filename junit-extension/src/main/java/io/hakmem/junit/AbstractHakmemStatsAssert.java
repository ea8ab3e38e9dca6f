package io.hakmem.junit;

import io.hakmem.HakmemStats;
import java.util.function.ToLongFunction;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.NullMarked;

/**
 * Assertions on a {@link HakmemStats} snapshot, in AssertJ's self-type style so that a project can
 * extend them; {@link HakmemStatsAssert} is the concrete class that
 * {@link HakmemAssertions#assertThat(HakmemStats)} returns.
 *
 * <pre>{@code
 * public class MyStatsAssert extends AbstractHakmemStatsAssert<MyStatsAssert> {
 *     public MyStatsAssert(HakmemStats actual) {
 *         super(actual, MyStatsAssert.class);
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the concrete assertion type, returned by every check
 */
@NullMarked
public abstract class AbstractHakmemStatsAssert<SELF extends AbstractHakmemStatsAssert<SELF>>
        extends AbstractAssert<SELF, HakmemStats> {

    /**
     * Starts assertions on a statistics snapshot, for subclasses.
     *
     * @param actual the snapshot
     * @param selfType the concrete class
     */
    protected AbstractHakmemStatsAssert(HakmemStats actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** {@return this, after checking that no block is live} */
    public SELF hasNoLeaks() {
        isNotNull();
        if (actual.liveBlocks() != 0 || actual.liveBytes() != 0) {
            failWithActualExpectedAndMessage(
                    actual.liveBlocks(),
                    0L,
                    "Expected no leaked blocks but %d blocks (%d bytes) are still live",
                    actual.liveBlocks(),
                    actual.liveBytes());
        }
        return myself;
    }

    /**
     * Checks how many blocks were live when the snapshot was taken.
     *
     * @param expected the number of live blocks
     * @return this
     */
    public SELF hasLiveBlocks(long expected) {
        return hasCount("live blocks", HakmemStats::liveBlocks, expected);
    }

    /**
     * Checks how many bytes the live blocks of the snapshot were requested with.
     *
     * @param expected the requested bytes of all live blocks
     * @return this
     */
    public SELF hasLiveBytes(long expected) {
        return hasCount("live bytes", HakmemStats::liveBytes, expected);
    }

    private SELF hasCount(String what, ToLongFunction<HakmemStats> counter, long expected) {
        isNotNull();
        long count = counter.applyAsLong(actual);
        if (count != expected) {
            failWithActualExpectedAndMessage(count, expected, "Expected %d " + what + " but was %d", expected, count);
        }
        return myself;
    }

    /** {@return this, after checking that no SuperSlab and no byte is mapped any more} */
    public SELF hasReclaimedAllSuperSlabs() {
        isNotNull();
        if (!ReclamationReport.reclaimed(actual)) {
            failWithActualExpectedAndMessage(
                    actual.superSlabsLive() + " SuperSlabs, " + actual.mappedBytes() + " bytes mapped",
                    "0 SuperSlabs, 0 bytes mapped",
                    "Expected every SuperSlab to be given back to the OS but %d SuperSlabs and %d bytes are"
                            + " still mapped (%d live blocks, %d blocks in thread caches)",
                    actual.superSlabsLive(),
                    actual.mappedBytes(),
                    actual.liveBlocks(),
                    actual.magazineBlocks());
        }
        return myself;
    }

    /**
     * Checks {@link HakmemStats#overheadPercent()}: resident bytes beyond the live bytes. It fails
     * when the overhead is unknown, and when nothing is resident although bytes are live (an
     * overhead of -100 % that means residency was never measured, not a gain).
     *
     * @param maxPercent the highest acceptable overhead, in percent; 0 or more
     * @return this
     */
    public SELF hasOverheadAtMostPercent(double maxPercent) {
        isNotNull();
        if (!(maxPercent >= 0)) {
            throw new IllegalArgumentException("maxPercent must be 0 or more, was " + maxPercent);
        }
        double overhead = actual.overheadPercent();
        if (actual.residentBytes() == 0 && actual.liveBytes() > 0) {
            // -100 % would pass any bound, yet live bytes cannot be resident in nothing: residency was not read.
            failWithMessage(
                    "Expected an overhead of at most %.1f %% but residentBytes=0 while %d bytes are live:"
                            + " residency was not measured (the arena is closed, or its backend cannot see residency),"
                            + " so there is no overhead to check",
                    maxPercent, actual.liveBytes());
        } else if (Double.isNaN(overhead)) {
            failWithMessage(
                    "Expected an overhead of at most %.1f %% but it is unknown: residentBytes=%d,"
                            + " liveBytes=%d (the portable backend cannot measure residency, and nothing live while"
                            + " memory is resident has no percentage)",
                    maxPercent, actual.residentBytes(), actual.liveBytes());
        } else if (overhead > maxPercent) {
            failWithActualExpectedAndMessage(
                    overhead,
                    maxPercent,
                    "Expected an overhead of at most %.1f %% but was %.1f %% (%d bytes resident for %d live bytes)",
                    maxPercent,
                    overhead,
                    actual.residentBytes(),
                    actual.liveBytes());
        }
        return myself;
    }
}
