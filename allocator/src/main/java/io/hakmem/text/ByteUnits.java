package io.hakmem.text;

import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * Byte counts for people: binary units with one decimal, as mimalloc's and jemalloc's reports
 * print them. The one formatter of the allocator's tables, the JUnit extension's leak reports and
 * the Maven plugin's budget reports (this package is compiled for Java 17 so that the plugin,
 * running in Maven's JVM, can load it from the allocator jar).
 *
 * <pre>{@code
 * ByteUnits.format(1536);     // "1.5 KiB"
 * ByteUnits.format(1048575);  // "1.0 MiB"
 * }</pre>
 */
@NullMarked
public final class ByteUnits {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteUnits() {}

    /**
     * {@return {@code bytes} as "512 B", "1.5 KiB", "2.0 MiB"; "n/a" for a negative count, which
     * the statistics use for "the OS cannot tell"}
     */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes / 1024.0;
        // Round first, so that 1048575 B reads "1.0 MiB", not "1024.0 KiB".
        while (Math.round(value * 10) >= 1024 * 10 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
