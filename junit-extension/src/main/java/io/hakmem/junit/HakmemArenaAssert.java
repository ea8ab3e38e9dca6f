package io.hakmem.junit;

import io.hakmem.HakmemArena;
import org.jspecify.annotations.NullMarked;

/**
 * Assertions on a live {@link HakmemArena}; create with
 * {@link HakmemAssertions#assertThat(HakmemArena)}. To add checks of your own, extend
 * {@link AbstractHakmemArenaAssert}.
 *
 * <pre>{@code
 * assertThat(arena).hasNoLeaks().hasReclaimedAllSuperSlabsAfterTrim();
 * }</pre>
 */
@NullMarked
public class HakmemArenaAssert extends AbstractHakmemArenaAssert<HakmemArenaAssert> {

    /**
     * Public for AssertJ's soft-assertion proxies; prefer {@link HakmemAssertions#assertThat(HakmemArena)}.
     *
     * @param actual the arena
     */
    public HakmemArenaAssert(HakmemArena actual) {
        super(actual, HakmemArenaAssert.class);
    }
}
