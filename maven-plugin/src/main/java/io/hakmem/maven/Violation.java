package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One crossed limit, one regression over the baseline, or a budget that could not be measured.
 *
 * <pre>{@code
 * violation.message(); // budget 'scaling-1M': overhead 12.4 % > maxOverheadPercent 10 %
 * }</pre>
 *
 * @param budget the budget name
 * @param limitName the limit's POM field, {@code maxRegressionPercent}, or {@code workload} when
 *     the workload failed
 * @param kind what was crossed
 * @param figure the figure that crossed its limit or regressed; null when the workload failed
 * @param message the full line, with the measured value, the limit and the unit
 */
@NullMarked
public record Violation(
        String budget,
        String limitName,
        Kind kind,
        @Nullable Figure figure,
        String message) {

    /** What a violation is about. */
    public enum Kind {
        /** A figure is above its limit. */
        LIMIT,
        /** A figure grew over the baseline by more than maxRegressionPercent. */
        REGRESSION,
        /** The workload or its JVM failed, or no figure was measured: a crash, not a measurement. */
        ERROR
    }
}
