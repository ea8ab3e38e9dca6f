package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.junit.samples.LeakSamples;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class HakmemExtensionLeakTest {

    @Test
    void cleanTestPasses() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.Clean.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void leakingTestFailsWithCountBytesAndItsOwnSourceLine() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.Leaking.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = SampleRunner.onlyFailure(results);
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .contains("leak")
                .contains("Leaking.leaks24Bytes()")
                .contains("1 block (24 B)")
                .contains(
                        "1 block (24 B) allocated at\n    #0 io.hakmem.junit.samples.LeakSamples$Leaking.leaks24Bytes(LeakSamples.java:"
                                + LeakSamples.leakLine + ")")
                .contains("from the arena the extension injected, by thread '")
                .containsOnlyOnce("allocated at");
        assertThat(LeakSamples.leakLine).isPositive();
    }

    @Test
    void failingTestKeepsItsOwnFailureWithTheLeakReportSuppressed() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.FailingAndLeaking.class);

        Throwable failure = SampleRunner.onlyFailure(results);
        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("the test's own failure");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).isInstanceOf(AssertionError.class);
        assertThat(failure.getSuppressed()[0].getMessage())
                .contains("1 block (24 B)")
                .contains("LeakSamples.java:" + LeakSamples.leakLine);
    }

    @Test
    void warnModePassesButPublishesTheReport() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.Warning.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                        .map(e -> e.getRequiredPayload(ReportEntry.class)
                                .getKeyValuePairs()
                                .get("hakmem")))
                .anySatisfy(report -> assertThat(report)
                        .contains("1 block (24 B)")
                        .contains("LeakSamples.java:" + LeakSamples.leakLine));
    }

    @Test
    void offModePassesWithoutReport() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.Unchecked.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(results.allEvents().reportingEntryPublished().count()).isZero();
    }

    @Test
    void blocksFromOneLineAreOneGroupWithTheirTotal() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.ManyLeaks.class);

        String message = SampleRunner.onlyFailure(results).getMessage();
        assertThat(message)
                .contains("leaked 25 blocks (200 B)")
                .contains(
                        "25 blocks (200 B) allocated at\n    #0 io.hakmem.junit.samples.LeakSamples$ManyLeaks.leaks25Blocks(")
                .containsOnlyOnce("allocated at");
    }

    @Test
    void classLevelArenaIsCheckedWhenTheClassFinishes() {
        EngineExecutionResults results = SampleRunner.run(LeakSamples.LeakInBeforeAll.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        Event classFailed = results.containerEvents().failed().list().get(0);
        assertThat(classFailed.getTestDescriptor().getUniqueId().toString()).endsWith("LeakInBeforeAll]");
        assertThat(SampleRunner.failure(classFailed).getMessage())
                .contains("1 block (48 B)")
                .contains("class-level arena");
    }
}
