package io.hakmem.maven;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A budget with the figures of its runs. Reports use the median: the run whose overhead is the
 * median (the lower of the two middle runs for an even count, so the figures of one row always
 * come from one real run), and separately the median of the retained bytes.
 *
 * <pre>{@code
 * BudgetResult result = new BudgetResult(spec, runs, null);
 * double overhead = result.medianRun().map(RunFigures::overheadPercent).orElse(Double.NaN);
 * }</pre>
 *
 * @param spec the budget
 * @param runs the completed runs, in order
 * @param error what the workload threw, or null
 */
@NullMarked
public record BudgetResult(BudgetSpec spec, List<RunFigures> runs, @Nullable String error) {

    /** Copies the runs. */
    public BudgetResult {
        runs = List.copyOf(runs);
    }

    /** {@return the run with the median overhead, empty when no run completed} */
    public Optional<RunFigures> medianRun() {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<RunFigures> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(RunFigures::overheadPercent)).toList();
        return Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    /** {@return the median retained bytes, -1 when no run completed} */
    public long medianRetainedBytes() {
        if (runs.isEmpty()) {
            return -1;
        }
        List<Long> sorted = runs.stream().map(RunFigures::retainedBytes).sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** {@return the median run's overhead in percent, NaN when unknown} */
    public double overheadPercent() {
        return medianRun().map(RunFigures::overheadPercent).orElse(Double.NaN);
    }
}
