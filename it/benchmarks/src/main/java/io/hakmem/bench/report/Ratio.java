package io.hakmem.bench.report;

import org.jspecify.annotations.NullMarked;

/**
 * One score over another, with the range their spreads allow: from the subject's fastest over the
 * base's slowest to the subject's slowest over the base's fastest. A target is met or missed only
 * when that whole range lies on one side of it, which is the same as the subject's spread and the
 * scaled base's spread not overlapping; otherwise the run cannot tell and says so.
 *
 * @param median the ratio of the medians
 * @param low    the smallest ratio the spreads allow
 * @param high   the largest ratio the spreads allow
 */
@NullMarked
record Ratio(double median, double low, double high) {
    static final Ratio UNKNOWN = new Ratio(Double.NaN, Double.NaN, Double.NaN);

    /** @return {@code subject / base} as a time ratio (lower is better for the subject) */
    static Ratio of(Score subject, Score base) {
        return new Ratio(subject.score() / base.score(), subject.min() / base.max(), subject.max() / base.min());
    }

    /** @return the reciprocal, e.g. a throughput ratio from a time ratio */
    Ratio inverse() {
        return new Ratio(1 / median, 1 / high, 1 / low);
    }

    boolean known() {
        return !Double.isNaN(median) && !Double.isNaN(low) && !Double.isNaN(high);
    }

    Verdict atMost(double limit) {
        if (!known()) {
            return Verdict.NOT_MEASURED;
        }
        return high <= limit ? Verdict.MET : low > limit ? Verdict.MISSED : Verdict.WITHIN_NOISE;
    }

    Verdict atLeast(double limit) {
        if (!known()) {
            return Verdict.NOT_MEASURED;
        }
        return low >= limit ? Verdict.MET : high < limit ? Verdict.MISSED : Verdict.WITHIN_NOISE;
    }

    /** @return e.g. {@code 0.25x [0.21-0.30x]} */
    String format() {
        return known() ? Fmt.ratio(median) + " [" + Fmt.value(low) + "-" + Fmt.ratio(high) + "]" : "n/a";
    }

    /** What one run can say about a target, in the order a count of verdicts lists them. */
    enum Verdict {
        MET("met"),
        WITHIN_NOISE("within noise"),
        MISSED("missed"),
        NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** {@return the verdict as plain words, for a count} */
        String label() {
            return label;
        }

        /** {@return the verdict as a table cell: a miss in bold, so that it stands out} */
        String text() {
            return this == MISSED ? "**" + label + "**" : label;
        }
    }
}
