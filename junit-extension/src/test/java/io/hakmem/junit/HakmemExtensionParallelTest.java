package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.junit.samples.ParallelSamples;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class HakmemExtensionParallelTest {

    static final Map<String, String> PARALLEL_4 = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    /**
     * Before the OS check learnt to tell a reused range from a leaked one, each run of this sample
     * had 29 to 58 false failures; three runs in a row must now have none.
     */
    @RepeatedTest(3)
    void cleanTestsInParallelNeverFailTheOsCheck() {
        ParallelSamples.ManyClean.mostAtOnce.set(0);

        EngineExecutionResults results = SampleRunner.run(ParallelSamples.ManyClean.class, PARALLEL_4);

        assertThat(results.testEvents().failed().stream()
                        .map(SampleRunner::failure)
                        .map(Throwable::getMessage))
                .as("false failures")
                .isEmpty();
        results.testEvents()
                .assertStatistics(s -> s.started(ParallelSamples.ManyClean.TESTS)
                        .succeeded(ParallelSamples.ManyClean.TESTS)
                        .failed(0));
        assertThat(ParallelSamples.ManyClean.mostAtOnce.get())
                .as("tests running at once")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void perClassInstanceWithAnInjectFieldInConcurrentTestsIsRejectedWithTheFixes() {
        EngineExecutionResults results = SampleRunner.run(ParallelSamples.PerClassConcurrentField.class, PARALLEL_4);

        results.testEvents()
                .assertStatistics(s -> s.started(ParallelSamples.PerClassConcurrentField.TESTS)
                        .failed(ParallelSamples.PerClassConcurrentField.TESTS)
                        .succeeded(0));
        assertThat(results.testEvents().failed().stream().map(SampleRunner::failure))
                .hasSize(ParallelSamples.PerClassConcurrentField.TESTS)
                .allSatisfy(failure -> assertThat(SampleRunner.configurationError(failure))
                        .isInstanceOf(ExtensionConfigurationException.class)
                        .hasMessageContaining("@InjectArena field "
                                + ParallelSamples.PerClassConcurrentField.class.getName() + ".arena")
                        .hasMessageContaining("PER_CLASS")
                        .hasMessageContaining("concurrently")
                        .hasMessageContaining("HakmemArena parameter")
                        .hasMessageContaining("@TestInstance(Lifecycle.PER_METHOD)")
                        .hasMessageContaining("@Execution(ExecutionMode.SAME_THREAD)"));
    }

    @Test
    void perClassInstanceWithAnInjectFieldIsFineWhenTheTestsTakeTurns() {
        EngineExecutionResults results = SampleRunner.run(ParallelSamples.PerClassSameThreadField.class, PARALLEL_4);

        results.testEvents()
                .assertStatistics(s -> s.started(ParallelSamples.PerClassSameThreadField.TESTS)
                        .succeeded(ParallelSamples.PerClassSameThreadField.TESTS)
                        .failed(0));
    }

    @Test
    void perClassInstanceWithAnInjectFieldIsFineWhenParallelExecutionIsOff() {
        EngineExecutionResults results = SampleRunner.run(ParallelSamples.PerClassConcurrentField.class);

        results.testEvents()
                .assertStatistics(s -> s.started(ParallelSamples.PerClassConcurrentField.TESTS)
                        .succeeded(ParallelSamples.PerClassConcurrentField.TESTS)
                        .failed(0));
    }

    @Test
    void perClassInstanceWithArenaParametersRunsConcurrently() {
        ParallelSamples.PerClassConcurrentParameter.THREADS.clear();

        EngineExecutionResults results =
                SampleRunner.run(ParallelSamples.PerClassConcurrentParameter.class, PARALLEL_4);

        results.testEvents()
                .assertStatistics(s -> s.started(ParallelSamples.PerClassConcurrentParameter.TESTS)
                        .succeeded(ParallelSamples.PerClassConcurrentParameter.TESTS)
                        .failed(0));
        assertThat(ParallelSamples.PerClassConcurrentParameter.THREADS)
                .as("threads that ran the tests")
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
