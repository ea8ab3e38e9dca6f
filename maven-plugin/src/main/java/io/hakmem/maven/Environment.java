package io.hakmem.maven;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Where a run happens, for the reports: the project's git commit and the host's name.
 *
 * <pre>{@code
 * String commit = Environment.gitCommit(Path.of(".")); // "3f2a9c1d0b7e-dirty", or null without git
 * }</pre>
 */
@NullMarked
public final class Environment {

    private Environment() {}

    /**
     * The commit a directory's work tree is at.
     *
     * @param directory a directory in the work tree
     * @return an abbreviated commit id, with {@code -dirty} when files changed; null when git or
     *     the repository is not there
     */
    public static @Nullable String gitCommit(Path directory) {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            git.getOutputStream().close();
            // A report must not hang on a git that waits for something.
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && !out.isEmpty() && !out.contains("\n") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@return the host's name, from the resolver or the environment; "unknown" when neither tells} */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String name = System.getenv("HOSTNAME");
            return name == null || name.isBlank() ? "unknown" : name;
        }
    }
}
