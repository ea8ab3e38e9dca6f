package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.NullMarked;

/**
 * Assertions on a live {@link HakmemArena}, in AssertJ's self-type style so that a project can
 * extend them and keep chaining its own checks. Each check reads a fresh {@link HakmemArena#stats()}.
 *
 * <pre>{@code
 * public class MyArenaAssert extends AbstractHakmemArenaAssert<MyArenaAssert> {
 *     public MyArenaAssert(HakmemArena actual) {
 *         super(actual, MyArenaAssert.class);
 *     }
 *
 *     public MyArenaAssert holdsOneFrame() {
 *         return hasLiveBlocks(1).hasLiveBytes(24);
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the concrete assertion type, returned by every check
 */
@NullMarked
public abstract class AbstractHakmemArenaAssert<SELF extends AbstractHakmemArenaAssert<SELF>>
        extends AbstractAssert<SELF, HakmemArena> {

    /**
     * Starts assertions on an arena, for subclasses.
     *
     * @param actual the arena
     * @param selfType the concrete class
     */
    protected AbstractHakmemArenaAssert(HakmemArena actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** {@return this, after checking that no block is live; the message groups the leaked blocks by site} */
    public SELF hasNoLeaks() {
        isNotNull();
        HakmemStats stats = actual.stats();
        if (stats.liveBlocks() != 0) {
            String report = LeakReport.describe(
                    actual,
                    stats,
                    new ArenaSettings(
                            actual.config(),
                            LeakCheckMode.FAIL,
                            List.of(),
                            ArenaSettings.DEFAULT_STACK_DEPTH,
                            LeakCheckMode.WARN),
                    "the arena",
                    "this arena");
            failWithActualExpectedAndMessage(stats.liveBlocks(), 0L, "Expected no leaked blocks but %s", report);
        }
        return myself;
    }

    /**
     * Checks how many blocks the arena holds for its users now.
     *
     * @param expected the number of live blocks
     * @return this
     */
    public SELF hasLiveBlocks(long expected) {
        statsAssert().hasLiveBlocks(expected);
        return myself;
    }

    /**
     * Checks how many bytes the arena's live blocks were requested with.
     *
     * @param expected the requested bytes of all live blocks
     * @return this
     */
    public SELF hasLiveBytes(long expected) {
        statsAssert().hasLiveBytes(expected);
        return myself;
    }

    /**
     * Trims the arena (this changes it: thread caches are revoked and empty SuperSlabs unmapped,
     * as the extension does after each test), then checks that no SuperSlab and no byte is mapped.
     *
     * @return this
     */
    public SELF hasReclaimedAllSuperSlabsAfterTrim() {
        isNotNull();
        actual.trim();
        statsAssert().hasReclaimedAllSuperSlabs();
        return myself;
    }

    /**
     * The old name of {@link #hasReclaimedAllSuperSlabsAfterTrim()}, which it calls: it trims the arena.
     *
     * @return this
     * @deprecated the name hides that the arena is trimmed; use {@link #hasReclaimedAllSuperSlabsAfterTrim()}
     */
    @Deprecated(since = "0.1.0")
    public SELF hasReclaimedAllSuperSlabs() {
        return hasReclaimedAllSuperSlabsAfterTrim();
    }

    /**
     * Checks that the arena's resident memory exceeds its live bytes by at most a share of them.
     *
     * @param maxPercent the highest acceptable {@link HakmemStats#overheadPercent()}
     * @return this
     * @see HakmemStatsAssert#hasOverheadAtMostPercent(double)
     */
    public SELF hasOverheadAtMostPercent(double maxPercent) {
        statsAssert().hasOverheadAtMostPercent(maxPercent);
        return myself;
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
