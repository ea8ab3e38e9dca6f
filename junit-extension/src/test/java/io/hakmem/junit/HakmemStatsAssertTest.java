package io.hakmem.junit;

import static io.hakmem.junit.HakmemAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hakmem.HakmemStats;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class HakmemStatsAssertTest {

    /** Builds a snapshot from the fields these assertions read. */
    private static HakmemStats stats(
            long liveBlocks,
            long liveBytes,
            long superSlabsLive,
            long magazineBlocks,
            long mappedBytes,
            long residentBytes) {
        return new HakmemStats(
                liveBlocks,
                liveBytes,
                superSlabsLive,
                3,
                3 - superSlabsLive,
                0,
                0,
                0,
                magazineBlocks,
                mappedBytes,
                residentBytes,
                0,
                0,
                0);
    }

    private final HakmemStats clean = stats(0, 0, 0, 0, 0, 0);
    private final HakmemStats leaky = stats(2, 48, 1, 5, 2 << 20, 8192);

    @Test
    void passingChecksChain() {
        assertThat(clean)
                .hasNoLeaks()
                .hasLiveBlocks(0)
                .hasLiveBytes(0)
                .hasReclaimedAllSuperSlabs()
                .hasOverheadAtMostPercent(0);
        assertThat(stats(4, 4096, 1, 0, 2 << 20, 6144))
                .hasOverheadAtMostPercent(50.0)
                .hasLiveBlocks(4)
                .hasLiveBytes(4096);
    }

    @Test
    void hasNoLeaksSaysHowManyBlocksAndBytes() {
        assertThatExceptionOfType(AssertionFailedError.class)
                .isThrownBy(() -> assertThat(leaky).hasNoLeaks())
                .withMessageContaining("Expected no leaked blocks but 2 blocks (48 bytes) are still live")
                .satisfies(e -> {
                    org.assertj.core.api.Assertions.assertThat(e.getExpected().getValue())
                            .isEqualTo(0L);
                    org.assertj.core.api.Assertions.assertThat(e.getActual().getValue())
                            .isEqualTo(2L);
                });
    }

    @Test
    void countsSayExpectedAndActual() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(leaky).hasLiveBlocks(3))
                .withMessageContaining("Expected 3 live blocks but was 2");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(leaky).hasLiveBytes(24))
                .withMessageContaining("Expected 24 live bytes but was 48");
    }

    @Test
    void reclamationNamesWhatIsStillMapped() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(leaky).hasReclaimedAllSuperSlabs())
                .withMessageContaining("1 SuperSlabs and 2097152 bytes are still mapped")
                .withMessageContaining("2 live blocks, 5 blocks in thread caches");
    }

    @Test
    void overheadSaysLimitAndValue() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(
                        () -> assertThat(stats(1, 1000, 1, 0, 2 << 20, 4096)).hasOverheadAtMostPercent(100))
                .withMessageContaining("at most 100.0 % but was 309.6 %")
                .withMessageContaining("4096 bytes resident for 1000 live bytes");
    }

    @Test
    void unknownOverheadFailsAndSaysWhy() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(stats(1, 1000, 1, 0, 2 << 20, -1)).hasOverheadAtMostPercent(100))
                .withMessageContaining("it is unknown: residentBytes=-1");
    }

    @Test
    void nothingResidentForLiveBytesIsNoGainButAnUnmeasuredArena() {
        org.assertj.core.api.Assertions.assertThat(
                        stats(3, 72, 1, 0, 2 << 20, 0).overheadPercent())
                .isEqualTo(-100.0);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(stats(3, 72, 1, 0, 2 << 20, 0)).hasOverheadAtMostPercent(50))
                .withMessageContaining("at most 50.0 % but residentBytes=0 while 72 bytes are live")
                .withMessageContaining("residency was not measured");
    }

    /** A project's own assertion class keeps the chain typed as itself. */
    static final class FrameStatsAssert extends AbstractHakmemStatsAssert<FrameStatsAssert> {
        FrameStatsAssert(io.hakmem.HakmemStats actual) {
            super(actual, FrameStatsAssert.class);
        }

        FrameStatsAssert holdsOneFrame() {
            return hasLiveBlocks(1).hasLiveBytes(24);
        }
    }

    @Test
    void theSelfTypeLetsProjectsExtendTheAssertions() {
        FrameStatsAssert chained = new FrameStatsAssert(stats(1, 24, 1, 0, 2 << 20, 4096)).hasLiveBlocks(1);
        org.assertj.core.api.Assertions.assertThat(chained.holdsOneFrame()).isSameAs(chained);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> new FrameStatsAssert(stats(2, 48, 1, 0, 2 << 20, 4096)).holdsOneFrame())
                .withMessageContaining("Expected 1 live blocks but was 2");
    }

    @Test
    void negativeLimitIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(clean).hasOverheadAtMostPercent(-1))
                .withMessage("maxPercent must be 0 or more, was -1.0");
    }

    @Test
    void softAssertionsCollectEveryFailure() {
        HakmemSoftAssertions softly = new HakmemSoftAssertions();
        softly.assertThat(leaky).hasLiveBlocks(0).hasLiveBytes(0);
        softly.assertThat(clean).hasNoLeaks();

        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected().get(0))
                .hasMessageContaining("Expected 0 live blocks but was 2");
        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected().get(1))
                .hasMessageContaining("Expected 0 live bytes but was 48");
    }
}
