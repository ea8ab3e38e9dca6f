package io.hakmem.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Picks the java that runs the budgets: the toolchain's, else the {@code jvm} parameter, else the
 * one running Maven, whichever first is a JDK 22 or later (the first with the Foreign Function
 * and Memory API final).
 *
 * <pre>{@code
 * Path java = JavaExecutables.choose(toolchainJava, configuredJvm, currentJava, Runtime.version().feature());
 * }</pre>
 */
@NullMarked
public final class JavaExecutables {

    /** The oldest Java feature release that can run the allocator. */
    public static final int MINIMUM_FEATURE = 22;

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);
    private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?");

    private JavaExecutables() {}

    /**
     * @param toolchainJava the java of the selected toolchain, or null
     * @param configuredJvm the {@code jvm} parameter, or null
     * @param currentJava the java running Maven
     * @param currentFeature the feature release running Maven
     * @return the java to fork
     * @throws IllegalStateException naming every candidate and how to point the plugin at a JDK 22+
     */
    public static Path choose(@Nullable Path toolchainJava, @Nullable Path configuredJvm, Path currentJava,
            int currentFeature) {
        StringBuilder tried = new StringBuilder();
        for (Path candidate : new Path[] {toolchainJava, configuredJvm}) {
            if (candidate == null) {
                continue;
            }
            int feature = featureOf(candidate);
            if (feature >= MINIMUM_FEATURE) {
                return candidate;
            }
            tried.append("\n  ").append(candidate).append(" is Java ").append(feature < 0 ? "?" : feature);
        }
        if (currentFeature >= MINIMUM_FEATURE) {
            return currentJava;
        }
        tried.append("\n  Maven runs on Java ").append(currentFeature).append(" (").append(currentJava).append(')');
        throw new IllegalStateException("hakmem:budget needs a JDK " + MINIMUM_FEATURE + " or later to run budgets."
                + tried + "\nPoint it at one in any of these ways:"
                + "\n  - add maven-toolchains-plugin's select-jdk-toolchain goal with <version>[22,)</version>"
                + " (or declare a JDK 22+ in ~/.m2/toolchains.xml) and set <jdkToolchain><version>[22,)</version></jdkToolchain>;"
                + "\n  - set <jvm>/path/to/jdk-22+/bin/java</jvm> or -Dhakmem.jvm=/path/to/jdk-22+/bin/java;"
                + "\n  - run Maven itself on a JDK 22+ (JAVA_HOME).");
    }

    /**
     * @param java a java executable
     * @return its feature release, from the JDK's {@code release} file or else from
     *     {@code java -version}; -1 when neither tells
     */
    public static int featureOf(Path java) {
        Path home = java.toAbsolutePath().getParent() == null ? null : java.toAbsolutePath().getParent().getParent();
        if (home != null && Files.isRegularFile(home.resolve("release"))) {
            try {
                int feature = parseReleaseFile(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
                if (feature > 0) {
                    return feature;
                }
            } catch (IOException e) {
                // fall back to asking the executable
            }
        }
        return askVersion(java).orElse(-1);
    }

    /**
     * @param content the text of a JDK's {@code release} file
     * @return the feature release it names, -1 if none
     */
    static int parseReleaseFile(String content) {
        Matcher matcher = RELEASE_VERSION.matcher(content);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * @param output what {@code java -version} prints
     * @return the feature release, reading {@code 1.8} as 8; -1 if none
     */
    static int parseVersionOutput(String output) {
        Matcher matcher = VERSION_OUTPUT.matcher(output);
        if (!matcher.find()) {
            return -1;
        }
        int first = Integer.parseInt(matcher.group(1));
        return first == 1 && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first;
    }

    private static Optional<Integer> askVersion(Path java) {
        try {
            Process process = new ProcessBuilder(List.of(java.toString(), "-version")).redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                int feature = parseVersionOutput(output);
                return feature > 0 ? Optional.of(feature) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
