package io.hakmem.bench.report;

import org.jspecify.annotations.NullMarked;

/**
 * One JMH result: a workload, the allocator it ran on, and nanoseconds per operation.
 *
 * @param workload the report's row label, e.g. {@code pair, batch 1000}
 * @param order    where the row goes; smaller first
 * @param peer     the {@code PeerKind} name
 * @param score    JMH's primary score
 * @param error    JMH's 99.9 % error, NaN if unknown
 * @param unit     JMH's unit, e.g. {@code ns/op}
 */
@NullMarked
public record Score(String workload, int order, String peer, double score, double error, String unit) {
}
