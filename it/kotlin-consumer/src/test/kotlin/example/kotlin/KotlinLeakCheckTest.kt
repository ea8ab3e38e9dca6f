package example.kotlin

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.platform.engine.TestExecutionResult
import org.junit.platform.engine.discovery.DiscoverySelectors.selectClass
import org.junit.platform.testkit.engine.EngineExecutionResults
import org.junit.platform.testkit.engine.EngineTestKit

class KotlinLeakCheckTest {

    private fun run(sample: Class<*>): EngineExecutionResults =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(KotlinLeakSamples.ENABLED, "true")
            .selectors(selectClass(sample))
            .execute()

    private fun onlyFailure(results: EngineExecutionResults): Throwable =
        results.testEvents().failed().list().single()
            .getRequiredPayload(TestExecutionResult::class.java).throwable.orElseThrow()

    @Test
    fun `a leaked 24-byte block fails the test naming this Kotlin file and line`() {
        val failure = onlyFailure(run(KotlinLeakSamples.Leaking::class.java))

        assertThat(failure).isInstanceOf(AssertionError::class.java)
        assertThat(KotlinLeakSamples.leakLine).isPositive()
        assertThat(failure.message)
            .contains("leak")
            .contains("1 block (24 B)")
            .contains("KotlinLeakSamples.kt:${KotlinLeakSamples.leakLine}")
    }

    @Test
    fun `a test's own failure stays first and carries the leak report`() {
        val failure = onlyFailure(run(KotlinLeakSamples.LeakingThroughField::class.java))

        assertThat(failure).isInstanceOf(IllegalStateException::class.java).hasMessage("the test's own failure")
        assertThat(failure.suppressed.single().message)
            .contains("24 B")
            .contains("KotlinLeakSamples.kt:${KotlinLeakSamples.leakLine}")
    }
}
