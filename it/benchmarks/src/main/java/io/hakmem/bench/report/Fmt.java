package io.hakmem.bench.report;

import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/** Number formats shared by the report's tables: three significant digits, no locale surprises. */
@NullMarked
final class Fmt {

    private Fmt() {}

    /** @return e.g. {@code 3.12}, {@code 23.4}, {@code 1050} */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** @return e.g. {@code 0.53x} */
    static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "n/a" : value(r) + "x";
    }

    /** @return bytes in MiB, e.g. {@code 15.3} */
    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** @return e.g. {@code 4.8 %} */
    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }
}
