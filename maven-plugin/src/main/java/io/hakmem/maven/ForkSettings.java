package io.hakmem.maven;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * How to start the JVM that runs the budgets.
 *
 * <pre>{@code
 * var settings = new ForkSettings(java, classpath, "512m", List.of(), Duration.ofMinutes(10), workDirectory);
 * }</pre>
 *
 * @param java the java executable, JDK 22 or later
 * @param classpath the test classpath with hakmem-allocator
 * @param heap the fixed heap size ({@code -Xms} = {@code -Xmx}); pre-touched so that heap growth
 *     never shows up in the process RSS delta
 * @param extraArguments the user's {@code argLine}, split into arguments, placed after ours so
 *     they win
 * @param timeout how long the JVM of one budget may take, all its runs included
 * @param workDirectory where the request, result and fork log files go
 */
@NullMarked
public record ForkSettings(
        Path java,
        List<Path> classpath,
        String heap,
        List<String> extraArguments,
        Duration timeout,
        Path workDirectory) {

    /** Copies the lists. */
    public ForkSettings {
        classpath = List.copyOf(classpath);
        extraArguments = List.copyOf(extraArguments);
    }
}
