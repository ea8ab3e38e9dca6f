package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;

/**
 * A budget's verdict, as the table, the reports and the JUnit XML show it.
 *
 * <pre>{@code
 * if (outcome.status().failsBuild()) { ... }
 * }</pre>
 */
@NullMarked
public enum Status {
    /** Within every limit and the baseline. */
    PASS,
    /** Crossed something, at level WARN. */
    WARN,
    /** Crossed something, at level FAIL. */
    FAIL,
    /** The workload or its JVM failed: there are no figures to gate. */
    ERROR;

    /** {@return whether this verdict fails the build (unless haltOnFailure is false)} */
    public boolean failsBuild() {
        return this == FAIL || this == ERROR;
    }
}
