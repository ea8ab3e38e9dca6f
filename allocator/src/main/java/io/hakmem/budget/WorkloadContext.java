package io.hakmem.budget;

import io.hakmem.HakmemArena;
import org.jspecify.annotations.NullMarked;

/**
 * What a {@link Workload} gets from the budget runner for one run.
 *
 * <pre>{@code
 * Workload workload = context -> {
 *     long size = context.parameter("size", 16);
 *     String mode = context.parameter("mode", "lifo");
 *     MemorySegment block = context.arena().allocate(size);
 *     context.measure();
 *     context.arena().free(block);
 * };
 * }</pre>
 */
@NullMarked
public interface WorkloadContext {

    /**
     * The arena of this run: created fresh before the run, trimmed and closed by the runner after
     * it.
     *
     * @return the arena to allocate from
     */
    HakmemArena arena();

    /**
     * A numeric parameter from the budget's {@code <parameters>} in the POM.
     *
     * @param name the parameter name
     * @param defaultValue the value when the POM does not set it
     * @return the value
     * @throws IllegalArgumentException if the POM sets it to something that is not an integer
     */
    long parameter(String name, long defaultValue);

    /**
     * A text parameter from the budget's {@code <parameters>} in the POM.
     *
     * @param name the parameter name
     * @param defaultValue the value when the POM does not set it
     * @return the value
     */
    String parameter(String name, String defaultValue);

    /**
     * Marks the peak: the runner samples the arena's live and resident bytes and the process RSS
     * now. When called more than once, the sample with the most live bytes counts; when never
     * called, the runner samples as soon as {@link Workload#run} returns.
     */
    void measure();
}
