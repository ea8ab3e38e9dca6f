package io.hakmem.junit;

import org.jspecify.annotations.NullMarked;

/**
 * What {@link HakmemExtension} does when a test leaves blocks live or SuperSlabs mapped.
 *
 * <pre>{@code
 * @HakmemSettings(leakCheck = LeakCheckMode.WARN)
 * }</pre>
 *
 * <p>As the configuration parameter {@code hakmem.leakCheck} the values {@code FAIL}, {@code WARN}
 * and {@code OFF} are accepted, in any case.
 */
@NullMarked
public enum LeakCheckMode {
    /** Take the value of the enclosing method, class, configuration parameter or default. */
    INHERIT,
    /** Fail the test with an {@link AssertionError} that lists the leaked blocks (the default). */
    FAIL,
    /** Let the test pass, but publish the report as a report entry and log it as a warning. */
    WARN,
    /** Check nothing; the arena is still closed after the test. */
    OFF
}
