package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.junit.samples.SelfClosingSamples;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class HakmemExtensionSelfCloseTest {

    @Test
    void testThatClosesItsCleanArenaPasses() {
        EngineExecutionResults results = SampleRunner.run(SelfClosingSamples.ClosesClean.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat(reports(results)).isZero();
    }

    @Test
    void closingWithLiveBlocksIsNotALeakBecauseCloseUnmapsThem() {
        EngineExecutionResults results = SampleRunner.run(SelfClosingSamples.ClosesWithLiveBlocks.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat(reports(results)).isZero();
    }

    @Test
    void closingInAfterEachPassesToo() {
        EngineExecutionResults results = SampleRunner.run(SelfClosingSamples.ClosesInAfterEach.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat(reports(results)).isZero();
    }

    private static long reports(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .filter(e -> e.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .containsKey(Verdicts.REPORT_KEY))
                .count();
    }
}
