package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.junit.samples.InjectionSamples;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class HakmemExtensionInjectionTest {

    @BeforeEach
    void forgetArenas() {
        InjectionSamples.SEEN.clear();
    }

    @Test
    void constructorFieldBeforeEachTestAndAfterEachShareOneArena() {
        EngineExecutionResults results = SampleRunner.run(InjectionSamples.AllPointsShare.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(InjectionSamples.SEEN.values())
                .singleElement()
                .satisfies(arena ->
                        assertThat(arena.isClosed()).as("closed after the test").isTrue());
    }

    @Test
    void nestedTestsGetTheirOwnArenas() {
        EngineExecutionResults results = SampleRunner.run(InjectionSamples.Outer.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(InjectionSamples.SEEN).containsOnlyKeys("outer", "inner-1", "inner-2");
        assertThat(new HashSet<>(InjectionSamples.SEEN.values())).hasSize(3);
    }

    @Test
    void eachParameterizedAndRepeatedInvocationGetsItsOwnArena() {
        EngineExecutionResults results = SampleRunner.run(InjectionSamples.Templates.class);

        results.testEvents().assertStatistics(s -> s.started(6).succeeded(6));
        assertThat(InjectionSamples.SEEN).hasSize(6);
        assertThat(new HashSet<>(InjectionSamples.SEEN.values())).hasSize(6);
    }

    @Test
    void parallelTestsKeepTheirArenasApart() {
        InjectionSamples.Parallel.together = new CyclicBarrier(4);

        EngineExecutionResults results = SampleRunner.run(
                InjectionSamples.Parallel.class,
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        assertThat(new HashSet<>(InjectionSamples.SEEN.values())).hasSize(4);
        assertThat(InjectionSamples.SEEN.keySet().stream()
                        .map(k -> k.substring(0, k.indexOf('/')))
                        .distinct())
                .as("four threads held their blocks at the same time")
                .hasSize(4);
    }

    @Test
    void staticInjectFieldIsRejectedWithItsName() {
        Throwable failure = SampleRunner.configurationError(
                SampleRunner.onlyFailure(SampleRunner.run(InjectionSamples.StaticField.class)));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("StaticField.shared is static");
    }

    @Test
    void fieldOfAnotherTypeIsRejectedWithItsType() {
        Throwable failure = SampleRunner.configurationError(
                SampleRunner.onlyFailure(SampleRunner.run(InjectionSamples.WrongFieldType.class)));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("WrongFieldType.notAnArena has type java.lang.String");
    }
}
