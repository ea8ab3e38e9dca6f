package io.hakmem.budget;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.NullMarked;

/**
 * Declares the parameters a {@link Workload} reads, so that {@code hakmem:budget} rejects a
 * misspelled {@code <parameters>} entry before it forks a JVM. The plugin reads it from the class
 * file. Without it the runner still fails a budget whose parameters the workload never read, but
 * only after the first run.
 *
 * <pre>{@code
 * @WorkloadParameters({"blocks", "size"})
 * public final class SmallBlocks implements Workload {
 *     @Override
 *     public void run(WorkloadContext context) {
 *         long blocks = context.parameter("blocks", 100_000);
 *         long size = context.parameter("size", 17);
 *         // ...
 *     }
 * }
 * }</pre>
 */
@NullMarked
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkloadParameters {

    /**
     * The parameter names the workload reads.
     *
     * @return the names
     */
    String[] value();
}
