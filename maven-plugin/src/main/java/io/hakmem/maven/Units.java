package io.hakmem.maven;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * Formats figures for people: percentages with one decimal, byte counts in B, KiB or MiB.
 *
 * <pre>{@code
 * Units.percent(12.44);   // "12.4 %"
 * Units.percent(10.0);    // "10 %"
 * Units.bytes(1_600_000); // "1.5 MiB"
 * }</pre>
 */
@NullMarked
public final class Units {

    private Units() {}

    /**
     * Formats a percentage for people.
     *
     * @param value a percentage
     * @return one decimal, none when it is a whole number, {@code n/a} for NaN
     */
    public static String percent(double value) {
        return number(value) + " %";
    }

    /**
     * Formats a number for people.
     *
     * @param value a number
     * @return one decimal, none when it is a whole number, {@code n/a} for NaN, {@code inf} or
     *     {@code -inf} for infinities
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() <= 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : rounded.toPlainString();
    }

    /**
     * Formats a byte count for people.
     *
     * @param bytes a byte count, negative for unknown
     * @return the count in B below 1 KiB, else in KiB or MiB with one decimal; {@code n/a} when negative
     */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
