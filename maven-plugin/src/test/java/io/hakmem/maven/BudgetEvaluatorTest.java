package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetEvaluatorTest {

    private static BudgetSpec spec(Double maxOverhead, Long maxRetained) {
        return new BudgetSpec("scaling-1M", "scaling", Map.of(), maxOverhead, maxRetained);
    }

    @Test
    void overheadAboveTheLimitIsAViolationWithValueLimitAndUnit() {
        BudgetResult result = new BudgetResult(spec(10.0, null),
                List.of(Fixtures.run(1_000_000, 1_124_000, 0)), null);

        BudgetOutcome outcome = BudgetEvaluator.evaluate(result);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.violations()).extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': overhead 12.4 % > maxOverheadPercent 10 %");
    }

    @Test
    void exactlyAtTheLimitPasses() {
        BudgetResult result = new BudgetResult(spec(10.0, 4096L), List.of(Fixtures.run(1000, 1100, 4096)), null);

        assertThat(BudgetEvaluator.evaluate(result).violations()).isEmpty();
    }

    @Test
    void retainedBytesAboveTheLimitIsAViolation() {
        BudgetResult result = new BudgetResult(spec(null, 1000L), List.of(Fixtures.run(1000, 1100, 4096)), null);

        assertThat(BudgetEvaluator.evaluate(result).violations()).extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': retained 4096 B > maxRetainedBytes 1000 B");
    }

    @Test
    void theMedianRunDecidesSoOneOddRunCannotFlipTheVerdict() {
        BudgetResult result = new BudgetResult(spec(20.0, 5000L), List.of(
                Fixtures.run(1000, 1100, 100), Fixtures.run(1000, 1900, 9000), Fixtures.run(1000, 1150, 200)), null);

        assertThat(result.overheadPercent()).isEqualTo(15.0);
        assertThat(result.medianRetainedBytes()).isEqualTo(200);
        assertThat(BudgetEvaluator.evaluate(result).passed()).isTrue();
    }

    @Test
    void aFailedWorkloadOrMissingFiguresNeverPass() {
        BudgetResult threw = new BudgetResult(spec(10.0, null), List.of(), "java.lang.IllegalStateException: boom");
        BudgetResult nothingLive = new BudgetResult(spec(10.0, null), List.of(Fixtures.run(0, 4096, 0)), null);

        assertThat(BudgetEvaluator.evaluate(threw).violations()).extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': workload failed: java.lang.IllegalStateException: boom");
        assertThat(BudgetEvaluator.evaluate(nothingLive).violations()).extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': overhead unknown: no live bytes at the peak"
                        + " (call context.measure() while blocks are held), maxOverheadPercent 10 %");
    }
}
