package example.junit6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class LeakCheckTest {

    @Test
    void leakingTestFailsOnJUnit6WithCountBytesAndSourceLine() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(LeakSamples.ENABLED, "true")
                .selectors(selectClass(LeakSamples.Leaking.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = results.testEvents()
                .failed()
                .list()
                .get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .contains("leak")
                .contains("1 block (24 B)")
                .contains("LeakSamples.java:" + LeakSamples.leakLine);
        assertThat(LeakSamples.leakLine).isPositive();
    }
}
