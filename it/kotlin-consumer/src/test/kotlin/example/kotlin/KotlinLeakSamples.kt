package example.kotlin

import io.hakmem.HakmemArena
import io.hakmem.junit.HakmemExtension
import io.hakmem.junit.InjectArena
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.ConditionEvaluationResult
import org.junit.jupiter.api.extension.ExecutionCondition
import org.junit.jupiter.api.extension.ExtendWith
import org.junit.jupiter.api.extension.ExtensionContext

/** Samples that fail on purpose; [KotlinLeakCheckTest] runs them through EngineTestKit. */
object KotlinLeakSamples {
    const val ENABLED = "hakmem.kotlin.samples"

    @Volatile
    var leakLine: Int = 0

    fun line(): Int = StackWalker.getInstance().walk { it.skip(1).findFirst() }.orElseThrow().lineNumber

    /** Keeps the samples out of IDE and build runs. */
    class OnlyInTestKit : ExecutionCondition {
        override fun evaluateExecutionCondition(context: ExtensionContext): ConditionEvaluationResult =
            if (context.getConfigurationParameter(ENABLED).orElse("") == "true") {
                ConditionEvaluationResult.enabled("run by KotlinLeakCheckTest")
            } else {
                ConditionEvaluationResult.disabled("fails on purpose; run by KotlinLeakCheckTest only")
            }
    }

    @ExtendWith(OnlyInTestKit::class, HakmemExtension::class)
    class Leaking {
        @Test
        fun leaks24Bytes(arena: HakmemArena) {
            arena.allocate(24); leakLine = line()
        }
    }

    @ExtendWith(OnlyInTestKit::class, HakmemExtension::class)
    class LeakingThroughField {
        @InjectArena
        lateinit var arena: HakmemArena

        @Test
        fun leaksAndFailsOnItsOwn() {
            arena.allocate(24); leakLine = line()
            check(false) { "the test's own failure" }
        }
    }
}
