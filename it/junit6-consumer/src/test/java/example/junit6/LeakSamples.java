package example.junit6;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test that leaks on purpose; {@link LeakCheckTest} runs it through EngineTestKit. */
final class LeakSamples {

    static final String ENABLED = "hakmem.junit6.samples";
    static volatile int leakLine;

    private LeakSamples() {}

    /**
     * {@return the line after the caller's} Called on the line before the allocation it records,
     * so that the two never share a line a formatter could split.
     */
    static int nextLine() {
        return StackWalker.getInstance()
                        .walk(s -> s.skip(1).findFirst())
                        .orElseThrow()
                        .getLineNumber()
                + 1;
    }

    /** Keeps the sample out of IDE and build runs. */
    static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return "true".equals(context.getConfigurationParameter(ENABLED).orElse(""))
                    ? ConditionEvaluationResult.enabled("run by LeakCheckTest")
                    : ConditionEvaluationResult.disabled("fails on purpose; run by LeakCheckTest only");
        }
    }

    @ExtendWith({OnlyInTestKit.class, HakmemExtension.class})
    static class Leaking {
        @Test
        void leaks24Bytes(HakmemArena arena) {
            leakLine = nextLine();
            arena.allocate(24);
        }
    }
}
