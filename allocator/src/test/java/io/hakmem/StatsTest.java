package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link HakmemStats#overheadPercent()}: resident over live, and its undefined cases. */
class StatsTest {

    private static HakmemStats stats(long liveBytes, long residentBytes) {
        return new HakmemStats(1, liveBytes, 1, 1, 0, 0, 0, 0, 0, 2L << 20, residentBytes, 0, 0, 0);
    }

    @Test
    void overheadIsResidentOverLiveInPercent() {
        assertThat(stats(1000, 1050).overheadPercent()).isEqualTo(5.0);
        assertThat(stats(4096, 4096).overheadPercent()).isZero();
        assertThat(stats(1_600_000, 5_200_000).overheadPercent()).isEqualTo(225.0);
        // Resident can trail live when the user has not touched fresh blocks yet.
        assertThat(stats(4096, 0).overheadPercent()).isEqualTo(-100.0);
    }

    @Test
    void overheadIsUndefinedWhenResidencyIsUnknownOrNothingIsLive() {
        assertThat(stats(1000, -1).overheadPercent()).isNaN();
        assertThat(stats(0, 4096).overheadPercent()).isNaN();
        assertThat(stats(0, 0).overheadPercent()).isZero();
    }
}
