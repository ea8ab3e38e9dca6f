package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.HakmemArena;
import io.hakmem.junit.samples.WatchSamples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Autodetected, the extension checks every arena: the global one and those the code under test made. */
class HakmemExtensionWatchTest {

    static final Map<String, String> AUTODETECT = Map.of("junit.jupiter.extensions.autodetection.enabled", "true");

    private static EngineExecutionResults run(Class<?> sample) {
        return SampleRunner.run(sample, AUTODETECT);
    }

    private static String onlyFailure(Class<?> sample) {
        EngineExecutionResults results = run(sample);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        return SampleRunner.onlyFailure(results).getMessage();
    }

    @Test
    void anArenaTheCodeUnderTestCreatedLeaks24BytesAndFailsNamingTheLine() {
        String message = onlyFailure(WatchSamples.OwnArenaLeak.class);

        assertThat(message)
                .startsWith("hakmem leak check failed: OwnArenaLeak.decoderLeaksItsScratch() leaked 1 block (24 B)")
                .contains(
                        "1 block (24 B) allocated at\n    #0 io.hakmem.junit.samples.WatchSamples$Decoder.scratch(WatchSamples.java:"
                                + WatchSamples.scratchLine + ")")
                .contains(
                        "#1 io.hakmem.junit.samples.WatchSamples$OwnArenaLeak.decoderLeaksItsScratch(WatchSamples.java:")
                .contains(
                        "from the HakmemArena created at io.hakmem.junit.samples.WatchSamples$Decoder.<init>(WatchSamples.java:"
                                + WatchSamples.decoderArenaLine + ")")
                .contains(
                        "hakmem arena check failed: OwnArenaLeak.decoderLeaksItsScratch() never closed the HakmemArena created at"
                                + " io.hakmem.junit.samples.WatchSamples$Decoder.<init>(WatchSamples.java:"
                                + WatchSamples.decoderArenaLine
                                + "), which still holds 1 block (24 B)");
    }

    @Test
    void fortyBytesLeakedFromTheGlobalArenaFail() {
        String message = onlyFailure(WatchSamples.GlobalLeak.class);

        assertThat(message)
                .contains("leaked 1 block (40 B)")
                .contains(
                        "#0 io.hakmem.junit.samples.WatchSamples$GlobalLeak.leaks40BytesFromTheGlobalArena(WatchSamples.java:"
                                + WatchSamples.globalLine + ")")
                .contains("from HakmemArena.global(), by thread '");
    }

    @Test
    void aCleanTestOnTheGlobalArenaPasses() {
        run(WatchSamples.GlobalClean.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void blocksOfAThreadTheTestStartedAreItsLeaks() {
        assertThat(onlyFailure(WatchSamples.LeakFromAStartedThread.class))
                .contains("leaked 1 block (16 B)")
                .contains("by thread 'decoder-worker'")
                .contains("WatchSamples$LeakFromAStartedThread.lambda$aThreadItStartedLeaks$");
    }

    @Test
    void aThousandLeaksFromOneLineAreOneGroup() {
        String message = onlyFailure(WatchSamples.ThousandFromOneLine.class);

        assertThat(message)
                .contains("leaked 1000 blocks (23.4 KiB)")
                .containsOnlyOnce("allocated at")
                .contains(
                        "1000 blocks (23.4 KiB) allocated at\n    #0 io.hakmem.junit.samples.WatchSamples$ThousandFromOneLine");
    }

    @Test
    void suppressedSitesAreNoLeaks() {
        run(WatchSamples.Suppressed.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void suppressionsAlsoComeFromTheConfigurationParameter() {
        Map<String, String> parameters = new HashMap<>(AUTODETECT);
        parameters.put(
                "hakmem.ignoreLeaksFrom", " com.example.Nothing , io.hakmem.junit.samples.WatchSamples$GlobalLeak");
        SampleRunner.run(WatchSamples.GlobalLeak.class, parameters)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void anEmptyArenaLeftOpenIsAWarning() {
        EngineExecutionResults results = run(WatchSamples.EmptyUnclosedArena.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(reports(results))
                .singleElement()
                .asString()
                .startsWith(
                        "hakmem arena check warning: EmptyUnclosedArena.createsAnArenaAndForgetsIt() never closed the"
                                + " HakmemArena created at io.hakmem.junit.samples.WatchSamples$EmptyUnclosedArena")
                .contains("(empty, but it keeps");
    }

    @Test
    void anEmptyArenaLeftOpenFailsWhenConfigured() {
        Map<String, String> parameters = new HashMap<>(AUTODETECT);
        parameters.put("hakmem.unclosedArenas", "fail");
        EngineExecutionResults results = SampleRunner.run(WatchSamples.EmptyUnclosedArena.class, parameters);
        assertThat(SampleRunner.onlyFailure(results).getMessage()).startsWith("hakmem arena check failed:");
    }

    @Test
    void warnModeSaysWarningNotFailed() {
        EngineExecutionResults results = run(WatchSamples.WarnOnly.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(reports(results))
                .singleElement()
                .asString()
                .startsWith("hakmem leak check warning: WarnOnly.leaksButOnlyWarns() leaked 1 block (40 B)")
                .doesNotContain("failed");
    }

    @Test
    void twoHundredCleanTestsPassInParallel() {
        EngineExecutionResults results = SampleRunner.run(
                WatchSamples.ManyCleanInParallel.class, withAutodetection(HakmemExtensionParallelTest.PARALLEL_4));

        assertThat(results.testEvents().failed().stream()
                        .map(SampleRunner::failure)
                        .map(Throwable::getMessage))
                .isEmpty();
        results.testEvents()
                .assertStatistics(s -> s.started(WatchSamples.ManyCleanInParallel.TESTS)
                        .succeeded(WatchSamples.ManyCleanInParallel.TESTS));
    }

    @Test
    void parallelLeaksAreEachAttributedToTheirOwnTest() {
        EngineExecutionResults results = SampleRunner.run(
                WatchSamples.EachLeaksItsOwnSize.class, withAutodetection(HakmemExtensionParallelTest.PARALLEL_4));

        results.testEvents().assertStatistics(s -> s.started(8).failed(8));
        List<String> messages = results.testEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + " | "
                        + SampleRunner.failure(e).getMessage())
                .toList();
        assertThat(messages).hasSize(8).allSatisfy(m -> {
            int repetition = Integer.parseInt(m.substring("repetition ".length(), m.indexOf(" of 8")));
            long size = 1000 + repetition;
            assertThat(m).contains("leaked 1 block (" + Sizes.human(size) + ")").containsOnlyOnce("allocated at");
        });
    }

    @Test
    void injectArenaRegistersTheExtensionWithoutExtendWith() {
        EngineExecutionResults results = SampleRunner.run(WatchSamples.InjectOnly.class);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(SampleRunner.onlyFailure(results).getMessage())
                .contains("leaked 1 block (24 B)")
                .contains("from the arena the extension injected");
    }

    @Test
    void theStackDepthIsConfigurable() {
        String oneFrame = onlyFailure(WatchSamples.OneFrame.class);
        assertThat(oneFrame)
                .contains("#0 io.hakmem.junit.samples.WatchSamples$Decoder.scratch(")
                .doesNotContain("#1 ");
        String defaultDepth = onlyFailure(WatchSamples.OwnArenaLeak.class);
        assertThat(defaultDepth).contains("#0 ").contains("#1 ");
    }

    @Test
    void useAfterFreeIsCaughtWithTheSetting() {
        run(WatchSamples.UseAfterFree.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void blocksNoTestOwnsAreReportedAtTheEndOfTheRunGroupedBySite() throws InterruptedException {
        ProcessWatch.ensureInstalled();
        HakmemArena global = HakmemArena.global();
        java.lang.foreign.MemorySegment[] kept = new java.lang.foreign.MemorySegment[3];
        Thread pool = new Thread(
                () -> {
                    for (int i = 0; i < kept.length; i++) {
                        kept[i] = global.allocate(4093);
                    }
                },
                "pool-no-test-started");
        pool.start();
        pool.join();
        try {
            String report = HakmemRunListener.report(List.of());
            assertThat(report)
                    .startsWith("hakmem: ")
                    .contains(
                            "3 blocks (12.0 KiB) allocated at\n    #0 io.hakmem.junit.HakmemExtensionWatchTest.lambda$")
                    .contains("from HakmemArena.global(), by thread 'pool-no-test-started'");
            assertThat(HakmemRunListener.report(List.of("io.hakmem.junit.HakmemExtensionWatchTest")))
                    .doesNotContain("pool-no-test-started");
        } finally {
            for (java.lang.foreign.MemorySegment s : kept) {
                global.free(s);
            }
        }
        assertThat(HakmemRunListener.report(List.of())).doesNotContain("pool-no-test-started");
    }

    private static Map<String, String> withAutodetection(Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.putAll(AUTODETECT);
        return all;
    }

    private static List<String> reports(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class)
                        .getKeyValuePairs()
                        .get("hakmem"))
                .filter(r -> r != null && r.startsWith("hakmem"))
                .toList();
    }
}
