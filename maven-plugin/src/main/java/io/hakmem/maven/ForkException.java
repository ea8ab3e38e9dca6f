package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;

/**
 * The forked JVM crashed, timed out or left no results; the message carries the tail of its output.
 *
 * <pre>{@code
 * try {
 *     runner.run(specs, 3, log::info);
 * } catch (ForkException e) {
 *     throw new MojoExecutionException(e.getMessage(), e);
 * }
 * }</pre>
 */
@NullMarked
public final class ForkException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Reports a fork that failed.
     *
     * @param message what happened, with the tail of the fork's output
     */
    public ForkException(String message) {
        super(message);
    }
}
