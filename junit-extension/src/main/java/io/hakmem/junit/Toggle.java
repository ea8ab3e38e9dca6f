package io.hakmem.junit;

import org.jspecify.annotations.NullMarked;

/**
 * An on/off setting of {@link HakmemSettings} that can also defer to the enclosing level.
 *
 * <pre>{@code
 * @HakmemSettings(zeroOnAllocate = Toggle.OFF)
 * }</pre>
 */
@NullMarked
public enum Toggle {
    /** Take the value of the enclosing method, class, configuration parameter or default. */
    INHERIT,
    /** Turn the setting on. */
    ON,
    /** Turn the setting off. */
    OFF
}
