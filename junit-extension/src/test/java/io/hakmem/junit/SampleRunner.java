package io.hakmem.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.hakmem.junit.samples.OnlyInTestKit;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs sample test classes on the Jupiter engine and digs out their outcomes. */
final class SampleRunner {

    private SampleRunner() {}

    static EngineExecutionResults run(Class<?> sample) {
        return run(sample, Map.of());
    }

    static EngineExecutionResults run(Class<?> sample, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInTestKit.KEY, "true")
                .configurationParameters(parameters)
                .selectors(selectClass(sample))
                .execute();
    }

    /** @return the throwable of the only failed test */
    static Throwable onlyFailure(EngineExecutionResults results) {
        return failure(results.testEvents().failed().list().get(0));
    }

    /** @return the configuration error, thrown directly or wrapped by JUnit's parameter resolution */
    static Throwable configurationError(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause instanceof ExtensionConfigurationException ? cause : failure;
    }

    static Throwable failure(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow(() -> new AssertionError("no throwable in " + event));
    }
}
