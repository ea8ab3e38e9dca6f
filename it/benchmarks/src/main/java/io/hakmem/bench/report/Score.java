package io.hakmem.bench.report;

import org.jspecify.annotations.NullMarked;

/**
 * One JMH result summarised over its forks: a workload, the allocator it ran on, and nanoseconds
 * per operation. A fork's figure is the median of its measured iterations, so one iteration that
 * a neighbour's build disturbed does not move it; {@code score} is the median of those figures and
 * {@code min}..{@code max} their range, the run-to-run spread that verdicts must clear. With one
 * fork the range is that of its iterations, as no run-to-run figure exists.
 *
 * @param workload the report's row label, e.g. {@code pair, batch 1000}
 * @param order    where the row goes; smaller first
 * @param peer     the {@code PeerKind} name
 * @param score    the median over forks
 * @param min      the fastest fork (or iteration, with one fork)
 * @param max      the slowest fork (or iteration, with one fork)
 * @param forks    how many forks ran
 * @param unit     JMH's unit, e.g. {@code ns/op}
 */
@NullMarked
public record Score(
        String workload, int order, String peer, double score, double min, double max, int forks, String unit) {

    /** A score without spread, as from a result file that lacks raw data. */
    public static Score single(String workload, int order, String peer, double score, String unit) {
        return new Score(workload, order, peer, score, score, score, 1, unit);
    }
}
