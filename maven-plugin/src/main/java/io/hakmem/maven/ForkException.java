package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;

/**
 * A budget JVM ended before the runner got control in it (a bad JVM option or classpath, so no
 * budget could run), or the wait for it was interrupted; the message carries the tail of its
 * output. A JVM that a workload takes down is not this: that fails the workload's budget.
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
