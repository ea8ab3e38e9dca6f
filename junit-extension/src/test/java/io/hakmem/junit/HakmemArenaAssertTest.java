package io.hakmem.junit;

import static io.hakmem.junit.HakmemAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HakmemArenaAssertTest {

    private final HakmemArena arena =
            HakmemArena.create(HakmemConfig.builder().trackAllocationSites(true).build());

    @AfterEach
    void close() {
        arena.close();
    }

    @Test
    void countsLiveBlocksAndBytes() {
        MemorySegment a = arena.allocate(24);
        MemorySegment b = arena.allocate(100);

        assertThat(arena).hasLiveBlocks(2).hasLiveBytes(124);
        arena.free(a);
        arena.free(b);
        assertThat(arena).hasNoLeaks().hasLiveBlocks(0).hasLiveBytes(0);
    }

    @Test
    void hasNoLeaksListsTheLeakWithItsAllocationSite() {
        int line = LeakLines.next();
        arena.allocate(24);

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(arena).hasNoLeaks())
                .withMessageContaining("Expected no leaked blocks but")
                .withMessageContaining("1 block (24 B)")
                .withMessageContaining("HakmemArenaAssertTest.java:" + line);
    }

    @Test
    void reclaimsAfterEverythingIsFreedIncludingLargeBlocks() {
        MemorySegment small = arena.allocate(16);
        MemorySegment large = arena.allocate(4L << 20);
        arena.free(small);
        arena.free(large);

        assertThat(arena).hasReclaimedAllSuperSlabsAfterTrim();
        assertThat(arena.stats()).hasReclaimedAllSuperSlabs();
    }

    @Test
    void reclamationFailsWhileABlockIsLive() {
        arena.allocate(16);

        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(arena).hasReclaimedAllSuperSlabsAfterTrim())
                .withMessageContaining("1 SuperSlabs and 2097152 bytes are still mapped (1 live blocks");
    }

    @Test
    void softAssertionsOnArenas() {
        arena.allocate(8);
        HakmemSoftAssertions softly = new HakmemSoftAssertions();
        softly.assertThat(arena).hasLiveBlocks(2).hasNoLeaks();

        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(2);
    }

    /** Source lines of the calling frame. */
    static final class LeakLines {
        /** {@return the line after the caller's, where the allocation it names stands} */
        static int next() {
            return StackWalker.getInstance()
                            .walk(s -> s.skip(1).findFirst())
                            .orElseThrow()
                            .getLineNumber()
                    + 1;
        }
    }
}
