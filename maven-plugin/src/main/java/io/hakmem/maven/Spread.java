package io.hakmem.maven;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The spread of one figure over a budget's runs. The median of an even count is the lower middle
 * value, so that it is always a value a run really produced.
 *
 * <pre>{@code
 * Spread spread = Spread.of(List.of(3.0, 1.0, 2.0)); // min 1, median 2, max 3
 * }</pre>
 *
 * @param min the smallest value
 * @param median the median value
 * @param max the largest value
 */
@NullMarked
public record Spread(double min, double median, double max) {

    /**
     * Computes the spread of some values, ignoring unknown (NaN) ones.
     *
     * @param values one per run
     * @return the spread, or all NaN when no value is known
     */
    public static Spread of(List<Double> values) {
        List<Double> known =
                values.stream().filter(value -> !Double.isNaN(value)).sorted().toList();
        if (known.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Spread(known.get(0), known.get((known.size() - 1) / 2), known.get(known.size() - 1));
    }

    /** {@return whether no run measured the figure} */
    public boolean isUnknown() {
        return Double.isNaN(median);
    }
}
