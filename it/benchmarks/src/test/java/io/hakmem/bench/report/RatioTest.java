package io.hakmem.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatioTest {

    private static Score spread(String peer, double min, double median, double max) {
        return new Score("pair", 0, peer, median, min, max, 3, "ns/op");
    }

    @Test
    void rangeRunsFromBestToWorstCombinationOfTheSpreads() {
        Ratio r = Ratio.of(spread("HAKMEM", 9, 10, 12), spread("MALLOC", 20, 25, 30));
        assertThat(r.median()).isCloseTo(0.4, within(1e-12));
        assertThat(r.low()).isCloseTo(0.3, within(1e-12));
        assertThat(r.high()).isCloseTo(0.6, within(1e-12));
        assertThat(r.format()).isEqualTo("0.40x [0.30-0.60x]");
        Ratio throughput = r.inverse();
        assertThat(throughput.median()).isCloseTo(2.5, within(1e-12));
        assertThat(throughput.low()).isCloseTo(1 / 0.6, within(1e-12));
        assertThat(throughput.high()).isCloseTo(1 / 0.3, within(1e-12));
    }

    @Test
    void overlappingSpreadsAreWithinNoiseEvenWhenTheMediansClearTheTarget() {
        // Median ratio 0.33 meets "at most 0.35x", but hakmem's slowest fork (9) is slower than
        // 0.35 x malloc's fastest (0.35 x 24 = 8.4): the ranges overlap.
        Ratio r = Ratio.of(spread("HAKMEM", 7, 8, 9), spread("MALLOC", 24, 24.5, 26));
        assertThat(r.median()).isLessThan(0.35);
        assertThat(r.atMost(0.35)).isEqualTo(Ratio.Verdict.WITHIN_NOISE);
        assertThat(r.inverse().atLeast(1 / 0.35)).isEqualTo(Ratio.Verdict.WITHIN_NOISE);
        assertThat(Ratio.Verdict.WITHIN_NOISE.text()).isEqualTo("within noise");
    }

    @Test
    void separatedSpreadsGiveMetOrMissed() {
        Ratio fast = Ratio.of(spread("HAKMEM", 7, 7.5, 8), spread("MALLOC", 24, 25, 26));
        assertThat(fast.high()).isLessThanOrEqualTo(0.35);
        assertThat(fast.atMost(0.35)).isEqualTo(Ratio.Verdict.MET);
        assertThat(fast.inverse().atLeast(2.9)).isEqualTo(Ratio.Verdict.MET);
        Ratio slow = Ratio.of(spread("HAKMEM", 10, 11, 12), spread("MALLOC", 24, 25, 26));
        assertThat(slow.low()).isGreaterThan(0.35);
        assertThat(slow.atMost(0.35)).isEqualTo(Ratio.Verdict.MISSED);
        assertThat(slow.inverse().atLeast(3.0)).isEqualTo(Ratio.Verdict.MISSED);
    }

    @Test
    void aMissingPeerIsNotMeasured() {
        assertThat(Ratio.UNKNOWN.atMost(1)).isEqualTo(Ratio.Verdict.NOT_MEASURED);
        assertThat(Ratio.UNKNOWN.inverse().atLeast(1)).isEqualTo(Ratio.Verdict.NOT_MEASURED);
        assertThat(Ratio.UNKNOWN.format()).isEqualTo("n/a");
    }
}
