package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetEvaluatorTest {

    private static BudgetSpec spec(Double maxOverhead, Long maxRetained) {
        return Fixtures.spec("scaling-1M", "scaling", Map.of(), maxOverhead, maxRetained);
    }

    @Test
    void overheadAboveTheLimitIsAViolationWithValueLimitAndUnit() {
        BudgetResult result = new BudgetResult(spec(10.0, null), List.of(Fixtures.run(1_000_000, 1_124_000, 0)), null);

        BudgetOutcome outcome = BudgetEvaluator.evaluate(result);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.violations())
                .extracting(Violation::message)
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

        assertThat(BudgetEvaluator.evaluate(result).violations())
                .extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': retained 4.0 KiB > maxRetainedBytes 1000 B");
    }

    @Test
    void theMedianRunDecidesSoOneOddRunCannotFlipTheVerdict() {
        BudgetResult result = new BudgetResult(
                spec(20.0, 5000L),
                List.of(Fixtures.run(1000, 1100, 100), Fixtures.run(1000, 1900, 9000), Fixtures.run(1000, 1150, 200)),
                null);

        assertThat(result.overheadPercent()).isEqualTo(15.0);
        assertThat(result.medianRetainedBytes()).isEqualTo(200);
        assertThat(BudgetEvaluator.evaluate(result).passed()).isTrue();
    }

    @Test
    void aFailedWorkloadOrMissingFiguresNeverPass() {
        BudgetResult threw = new BudgetResult(spec(10.0, null), List.of(), "java.lang.IllegalStateException: boom");
        BudgetResult nothingLive = new BudgetResult(spec(10.0, null), List.of(Fixtures.run(0, 4096, 0)), null);

        assertThat(BudgetEvaluator.evaluate(threw).violations())
                .extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': workload failed: java.lang.IllegalStateException: boom");
        assertThat(BudgetEvaluator.evaluate(nothingLive).violations())
                .extracting(Violation::message)
                .containsExactly("budget 'scaling-1M': overhead unknown: no live bytes at the peak"
                        + " (call context.measure() while blocks are held), maxOverheadPercent 10 %");
    }

    private static BudgetSpec gated(Level level, Double maxRegression, Map<Figure, Double> limits) {
        return new BudgetSpec("small-17", "p.Direct", Map.of("blocks", "150000"), limits, level, maxRegression);
    }

    private static Baseline baseline(double resident, double retained) {
        return new Baseline(
                "25",
                Map.of(
                        "small-17",
                        new Baseline.Entry(
                                "p.Direct",
                                Map.of("blocks", "100000"),
                                Map.of(Figure.RESIDENT, resident, Figure.RETAINED, retained))));
    }

    @Test
    void everyFigureCanBeGatedAndTheLineUsesBinaryUnits() {
        BudgetSpec spec = gated(
                Level.FAIL,
                null,
                Map.of(
                        Figure.RESIDENT,
                        2.0 * 1024 * 1024,
                        Figure.MAPPED,
                        1024.0 * 1024,
                        Figure.RSS_DELTA,
                        512.0 * 1024,
                        Figure.RETAINED,
                        0.0));
        // resident 2.5 MiB, mapped resident + 4 KiB, RSS delta resident + 100000 B, retained 8 KiB
        BudgetResult result = new BudgetResult(spec, List.of(Fixtures.run(2_000_000, 2_621_440, 8192)), null);

        BudgetOutcome outcome = BudgetEvaluator.evaluate(result);

        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(outcome.violations())
                .extracting(Violation::message)
                .containsExactly(
                        "budget 'small-17': resident 2.5 MiB > maxResidentBytes 2.0 MiB",
                        "budget 'small-17': mapped 2.5 MiB > maxMappedBytes 1.0 MiB",
                        "budget 'small-17': RSS delta 2.6 MiB > maxRssDeltaBytes 512.0 KiB",
                        "budget 'small-17': retained 8.0 KiB > maxRetainedBytes 0 B");
    }

    @Test
    void aRegressionOverTheBaselineFailsWithTheIssuesLine() {
        BudgetSpec spec = gated(Level.FAIL, 10.0, Map.of());
        long before = 1_677_722; // 1.6 MiB
        BudgetResult result = new BudgetResult(spec, List.of(Fixtures.run(1_000_000, before * 3 / 2, 0)), null);

        BudgetOutcome outcome = BudgetEvaluator.evaluate(result, baseline(before, 0));

        assertThat(outcome.deltaPercent(Figure.RESIDENT)).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(outcome.deltaPercent(Figure.RETAINED)).isZero();
        assertThat(outcome.violations())
                .extracting(Violation::kind, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Violation.Kind.REGRESSION,
                        "budget 'small-17': resident 2.4 MiB"
                                + " is 50.0 % above the baseline 1.6 MiB > maxRegressionPercent 10 %"));
        assertThat(outcome.notes())
                .containsExactly("budget 'small-17': parameters {blocks=150000} differ from the"
                        + " baseline's {blocks=100000}");
    }

    @Test
    void growthWithinTheToleranceAndShrinkingPass() {
        BudgetSpec spec = gated(Level.FAIL, 10.0, Map.of());
        BudgetResult grew = new BudgetResult(spec, List.of(Fixtures.run(1000, 110_000, 0)), null);
        BudgetResult shrank = new BudgetResult(spec, List.of(Fixtures.run(1000, 50_000, 0)), null);

        assertThat(BudgetEvaluator.evaluate(grew, baseline(100_000, 0)).status())
                .isEqualTo(Status.PASS);
        assertThat(BudgetEvaluator.evaluate(shrank, baseline(100_000, 0)).deltaPercent(Figure.RESIDENT))
                .isEqualTo(-50.0);
    }

    @Test
    void retainedBytesOverABaselineOfZeroIsARegression() {
        BudgetResult result =
                new BudgetResult(gated(Level.FAIL, 10.0, Map.of()), List.of(Fixtures.run(1000, 1000, 4096)), null);

        assertThat(BudgetEvaluator.evaluate(result, baseline(1000, 0)).violations())
                .extracting(Violation::message)
                .containsExactly("budget 'small-17': retained 4.0 KiB is above the baseline 0 B"
                        + " > maxRegressionPercent 10 %");
    }

    @Test
    void aBudgetMissingFromTheBaselineGetsANoteNotAFailure() {
        BudgetResult result =
                new BudgetResult(gated(Level.FAIL, 10.0, Map.of()), List.of(Fixtures.run(1000, 1000, 0)), null);

        BudgetOutcome outcome = BudgetEvaluator.evaluate(result, new Baseline("25", Map.of()));

        assertThat(outcome.status()).isEqualTo(Status.PASS);
        assertThat(outcome.baseline()).isNull();
        assertThat(outcome.notes())
                .containsExactly("budget 'small-17': not in the baseline yet; mvn hakmem:baseline adds it");
    }

    @Test
    void levelWarnKeepsTheViolationButLetsTheBuildPassWhileACrashFailsAtEitherLevel() {
        BudgetSpec warn = gated(Level.WARN, null, Map.of(Figure.OVERHEAD, 1.0));
        BudgetOutcome crossed =
                BudgetEvaluator.evaluate(new BudgetResult(warn, List.of(Fixtures.run(1000, 2000, 0)), null));
        BudgetOutcome crashed = BudgetEvaluator.evaluate(new BudgetResult(warn, List.of(), "boom"));
        BudgetReport report = Fixtures.report(List.of(crossed, crashed));

        assertThat(crossed.status()).isEqualTo(Status.WARN);
        assertThat(crossed.passed()).isTrue();
        assertThat(crossed.violations())
                .extracting(Violation::message)
                .containsExactly("budget 'small-17': overhead 100 % > maxOverheadPercent 1 %");
        assertThat(crashed.status()).isEqualTo(Status.ERROR);
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.failures()).extracting(Violation::kind).containsExactly(Violation.Kind.ERROR);
    }
}
