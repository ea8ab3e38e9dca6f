package io.hakmem.maven;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * What a crossed limit of a budget does, as maven-enforcer's per-rule level: {@code FAIL} fails the
 * build, {@code WARN} logs it and lets the build pass. A budget whose workload crashed fails at
 * either level: it has no figures, and missing data never passes.
 *
 * <pre>{@code
 * Level level = Level.parse("warn"); // Level.WARN
 * }</pre>
 */
@NullMarked
public enum Level {
    /** A crossed limit fails the build. */
    FAIL,
    /** A crossed limit is logged as a warning. */
    WARN;

    /**
     * Reads a level from the POM, ignoring case.
     *
     * @param text {@code FAIL} or {@code WARN}
     * @return the level
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Level parse(String text) {
        for (Level level : values()) {
            if (level.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.toString(values()) + ", was '" + text + "'");
    }
}
