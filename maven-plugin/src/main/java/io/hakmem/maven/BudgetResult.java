package io.hakmem.maven;

import io.hakmem.budget.fork.RunFigures;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A budget with the figures of its runs. Each figure is gated on its own median over the runs
 * (the lower middle one for an even count, so it is always a value a run produced), and reported
 * with its minimum and maximum.
 *
 * <pre>{@code
 * BudgetResult result = new BudgetResult(spec, runs, null);
 * Spread resident = result.spread(Figure.RESIDENT);
 * double median = result.median(Figure.RETAINED);
 * }</pre>
 *
 * @param spec the budget
 * @param runs the completed runs, in order
 * @param error what the workload threw, or why its JVM died; null when it ran
 */
@NullMarked
public record BudgetResult(
        BudgetSpec spec, List<RunFigures> runs, @Nullable String error) {

    /** Copies the runs. */
    public BudgetResult {
        runs = List.copyOf(runs);
    }

    /**
     * The spread of one figure over the runs.
     *
     * @param figure the figure
     * @return its minimum, median and maximum; all NaN when unknown
     */
    public Spread spread(Figure figure) {
        return Spread.of(runs.stream().map(figure::of).toList());
    }

    /**
     * The median of one figure over the runs.
     *
     * @param figure the figure
     * @return its median, NaN when unknown
     */
    public double median(Figure figure) {
        return spread(figure).median();
    }

    /** {@return the run with the median overhead, for the live bytes of the table; empty without runs} */
    public Optional<RunFigures> medianRun() {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<RunFigures> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(RunFigures::overheadPercent))
                .toList();
        return Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    /** {@return the median retained bytes, -1 when no run completed} */
    public long medianRetainedBytes() {
        return runs.isEmpty() ? -1 : Math.round(median(Figure.RETAINED));
    }

    /** {@return the median overhead in percent, NaN when unknown} */
    public double overheadPercent() {
        return median(Figure.OVERHEAD);
    }
}
