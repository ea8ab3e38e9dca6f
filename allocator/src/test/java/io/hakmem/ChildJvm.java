package io.hakmem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main class in a JVM of its own: the java binary and class path of this test JVM, with
 * native access, and the options and environment a test asks for. Its output goes to files, not
 * pipes, so that neither stream can fill and stall it, and a JVM that hangs is killed at the
 * timeout instead of blocking the read.
 */
final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 90;

    private ChildJvm() {}

    /** What the JVM printed, and how it exited. */
    record Run(int exitCode, String stdout, String stderr) {
        /** {@return both streams, for a failure message} */
        String output() {
            return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /**
     * Runs {@code main} with {@code args} and waits for it to exit.
     *
     * @param unset environment variables the JVM must not inherit
     * @param env environment variables to set, after {@code unset}
     */
    static Run run(List<String> jvmOptions, Set<String> unset, Map<String, String> env, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(main.getSimpleName() + " did not exit within " + TIMEOUT_SECONDS + " s");
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
