package io.hakmem.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpCountersTest {

    @Test
    void countsBlocksAndRequestedBytesAndTellsRemoteFreesApart() {
        OpCounters counters = new OpCounters();
        counters.allocated(16);
        counters.allocated(100);
        counters.freed(16);
        counters.freedRemotely(100, 112);
        OpTotals totals = counters.totals();
        assertThat(totals).isEqualTo(new OpTotals(2, 116, 2, 116, 1, 112));
        assertThat(totals.liveBlocks()).isZero();
        assertThat(totals.liveBytes()).isZero();
        assertThat(totals.operations()).isEqualTo(4);
    }

    @Test
    void totalsAddUpAcrossCachesAndRetiredOnes() {
        OpCounters a = new OpCounters();
        a.allocated(10);
        OpCounters retired = new OpCounters();
        retired.add(a.totals());
        retired.add(a.totals());
        assertThat(retired.totals().plus(OpTotals.NONE)).isEqualTo(new OpTotals(2, 20, 0, 0, 0, 0));
        assertThat(retired.totals().liveBlocks()).isEqualTo(2);
    }
}
