package io.hakmem.junit;

import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/** Byte counts as people read them: {@code 72 B}, {@code 1.5 KiB}, {@code 3.0 MiB}. */
@NullMarked
final class Sizes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Sizes() {}

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@return e.g. "3 blocks (72 B)"} */
    static String blocks(long count, long bytes) {
        return count + (count == 1 ? " block (" : " blocks (") + human(bytes) + ")";
    }
}
