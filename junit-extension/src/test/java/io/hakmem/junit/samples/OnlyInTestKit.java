package io.hakmem.junit.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sample classes fail on purpose; they run only when a test starts them through EngineTestKit
 * with the configuration parameter {@value #KEY} set, never in an IDE's "run all".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OnlyInTestKit.Condition.class)
public @interface OnlyInTestKit {

    String KEY = "hakmem.samples.enabled";

    /** Enables a sample only under the key. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("started by a test of the extension")
                    : ConditionEvaluationResult.disabled("a sample that fails on purpose; run by EngineTestKit only");
        }
    }
}
