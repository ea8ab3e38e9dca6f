package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;

/**
 * One crossed limit, or a budget that could not be measured.
 *
 * <pre>{@code
 * violation.message(); // budget 'scaling-1M': overhead 12.4 % > maxOverheadPercent 10 %
 * }</pre>
 *
 * @param budget the budget name
 * @param limitName the limit's POM field, or {@code workload} when the workload failed
 * @param message the full line, with the measured value, the limit and the unit
 */
@NullMarked
public record Violation(String budget, String limitName, String message) {}
