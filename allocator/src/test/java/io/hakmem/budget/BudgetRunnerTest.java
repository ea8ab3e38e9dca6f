package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakmem.budget.fork.RunFigures;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetRunnerTest {

    @Test
    void scalingMeasuresLiveBytesAtThePeakAndRetainsNothingOnceFreedAndTrimmed() throws Exception {
        RunFigures result = BudgetRunner.runOnce("s", new ScalingWorkload(), Map.of("blocks", "20000", "size", "16"));

        assertThat(result.liveBytes()).isEqualTo(20_000L * 16);
        assertThat(result.residentBytes()).isGreaterThanOrEqualTo(result.liveBytes());
        assertThat(result.mappedBytes()).isGreaterThanOrEqualTo(result.residentBytes());
        assertThat(result.retainedBytes()).isZero();
        assertThat(result.overheadPercent())
                .isEqualTo(100.0 * (result.residentBytes() - result.liveBytes()) / result.liveBytes());
    }

    @Test
    void withoutMeasureTheRunnerMeasuresWhenRunReturnsAndHeldBlocksAreRetained() throws Exception {
        Workload holdsOne = context -> context.arena().allocate(100_000).fill((byte) 7);

        RunFigures result = BudgetRunner.runOnce("h", holdsOne, Map.of());

        assertThat(result.liveBytes()).isEqualTo(100_000);
        assertThat(result.retainedBytes()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void thePeakIsTheMeasurementWithTheMostLiveBytes() throws Exception {
        Workload twoMarks = context -> {
            MemorySegment big = context.arena().allocate(64 * 1024);
            context.measure();
            context.arena().free(big);
            context.measure();
        };

        assertThat(BudgetRunner.runOnce("p", twoMarks, Map.of()).liveBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void randomMixedIsTheSameWorkForTheSameSeed() throws Exception {
        Map<String, String> parameters = Map.of("cycles", "30000", "seed", "7");

        RunFigures first = BudgetRunner.runOnce("r", new RandomMixedWorkload(), parameters);
        RunFigures second = BudgetRunner.runOnce("r", new RandomMixedWorkload(), parameters);

        assertThat(first.liveBytes()).isPositive().isEqualTo(second.liveBytes());
        assertThat(first.retainedBytes()).isZero();
    }

    @Test
    void threadsFreeEveryBlockFromAnotherThread() throws Exception {
        RunFigures result = BudgetRunner.runOnce(
                "t", new ThreadsWorkload(), Map.of("threads", "2", "blocks", "5000", "size", "32"));

        assertThat(result.liveBytes()).isEqualTo(2L * 5000 * 32);
        assertThat(result.retainedBytes()).isZero();
    }

    @Test
    void parametersAreParsedWithTheirNamesInErrors() throws Exception {
        Workload reads = context -> {
            assertThat(context.parameter("n", 1)).isEqualTo(1_000);
            assertThat(context.parameter("mode", "lifo")).isEqualTo("fifo");
            assertThat(context.parameter("absent", 5)).isEqualTo(5);
            context.parameter("bad", 0);
        };

        assertThatThrownBy(() -> BudgetRunner.runOnce("b", reads, Map.of("n", "1_000", "mode", "fifo", "bad", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("budget 'b': parameter 'bad' must be an integer, was 'x'");
    }
}
