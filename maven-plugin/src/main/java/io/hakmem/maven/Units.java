package io.hakmem.maven;

import io.hakmem.text.ByteUnits;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullMarked;

/**
 * The plugin's one system of units, in the console, the reports and the violation lines alike:
 * binary byte units (B, KiB, MiB, GiB) and percentages. A nonzero value never reads as 0.
 *
 * <pre>{@code
 * Units.percent(12.44);        // "12.4 %"
 * Units.percent(0.019);        // "0.019 %"
 * Units.bytes(1_600_000);      // "1.5 MiB"
 * Units.parseBytes("1.5GiB");  // 1610612736
 * }</pre>
 */
@NullMarked
public final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d[\\d_]*(?:\\.\\d+)?)\\s*(B|KiB|MiB|GiB|TiB)?");
    private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB"};

    private Units() {}

    /**
     * Formats a percentage for people.
     *
     * @param value a percentage
     * @return one decimal, none when it is a whole number, two significant digits below 0.1 so
     *     that a nonzero value never reads as 0; {@code n/a} for NaN
     */
    public static String percent(double value) {
        return number(value) + " %";
    }

    /**
     * Formats a number for people.
     *
     * @param value a number
     * @return one decimal, none when it is a whole number, two significant digits when it would
     *     otherwise round to 0; {@code n/a} for NaN, {@code inf} or {@code -inf} for infinities
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        BigDecimal rounded = exact.setScale(1, RoundingMode.HALF_UP);
        if (rounded.signum() == 0 && exact.signum() != 0) {
            rounded = exact.round(new MathContext(2, RoundingMode.HALF_UP));
        }
        rounded = rounded.stripTrailingZeros();
        return rounded.scale() <= 0
                ? rounded.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : rounded.toPlainString();
    }

    /**
     * Formats a byte count for people.
     *
     * @param bytes a byte count, negative for unknown
     * @return the count in B below 1 KiB, else in KiB, MiB, GiB or TiB with one decimal; {@code n/a}
     *     when negative
     */
    public static String bytes(long bytes) {
        return ByteUnits.format(bytes);
    }

    /**
     * Reads a size limit from the POM: a plain byte count or a number with a binary unit.
     *
     * @param text such as {@code 2097152}, {@code 512KiB}, {@code 2MiB}, {@code 1.5GiB}; underscores
     *     may group digits
     * @return the byte count, rounded down to whole bytes
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long parseBytes(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a byte count or a size such as 512KiB, 2MiB or 1.5GiB"
                    + " (binary units B, KiB, MiB, GiB, TiB), was '" + text + "'");
        }
        BigDecimal number = new BigDecimal(matcher.group(1).replace("_", ""));
        String unit = matcher.group(2);
        int power = unit == null || unit.equals("B")
                ? 0
                : java.util.Arrays.asList(BINARY).indexOf(unit) + 1;
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(1024).pow(power)).setScale(0, RoundingMode.FLOOR);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("is larger than " + Long.MAX_VALUE + " bytes, was '" + text + "'");
        }
        return bytes.longValueExact();
    }
}
