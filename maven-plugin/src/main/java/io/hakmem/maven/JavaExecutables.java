package io.hakmem.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Picks the java that runs the budgets, the first JDK 22 or later (the first with the Foreign
 * Function and Memory API final) of: the toolchain's, the {@code jvm} parameter, the one running
 * Maven, and the newest JDK installed in the usual places (so that {@code mvn hakmem:budget} works
 * without a toolchain on a machine that has a JDK 22+ next to an older Maven JDK).
 *
 * <pre>{@code
 * Path java = JavaExecutables.choose(toolchainJava, configuredJvm, currentJava, Runtime.version().feature(),
 *         () -> JavaExecutables.installed(System.getenv("JAVA_HOME"), currentHome, userHome));
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
     * Picks the java executable that runs the fork.
     *
     * @param toolchainJava the java of the selected toolchain, or null
     * @param configuredJvm the {@code jvm} parameter, or null
     * @param currentJava the java running Maven
     * @param currentFeature the feature release running Maven
     * @param installed JDK homes found on this machine, the last resort
     * @return the java to fork
     * @throws IllegalStateException if {@code jvm} names an older java, or if none qualifies; the
     *     message says how to point the plugin at a JDK 22+
     */
    public static Path choose(
            @Nullable Path toolchainJava,
            @Nullable Path configuredJvm,
            Path currentJava,
            int currentFeature,
            Supplier<List<Path>> installed) {
        StringBuilder tried = new StringBuilder();
        if (toolchainJava != null) {
            int feature = featureOf(toolchainJava);
            if (feature >= MINIMUM_FEATURE) {
                return toolchainJava;
            }
            tried.append("\n  the toolchain's ")
                    .append(toolchainJava)
                    .append(" is Java ")
                    .append(feature);
        }
        if (configuredJvm != null) {
            int feature = featureOf(configuredJvm);
            if (feature >= MINIMUM_FEATURE) {
                return configuredJvm;
            }
            throw new IllegalStateException("jvm: " + configuredJvm + " is Java " + (feature < 0 ? "?" : feature)
                    + "; hakmem:budget needs a JDK " + MINIMUM_FEATURE + " or later" + HOW_TO);
        }
        if (currentFeature >= MINIMUM_FEATURE) {
            return currentJava;
        }
        tried.append("\n  Maven runs on Java ")
                .append(currentFeature)
                .append(" (")
                .append(currentJava)
                .append(')');
        Optional<Path> discovered = newest(installed.get());
        if (discovered.isPresent()) {
            return discovered.get();
        }
        throw new IllegalStateException("hakmem:budget needs a JDK " + MINIMUM_FEATURE + " or later to run budgets."
                + tried + "\n  and no JDK " + MINIMUM_FEATURE + "+ is installed in the usual places" + HOW_TO);
    }

    private static final String HOW_TO = "\nPoint it at one in any of these ways:"
            + "\n  - add maven-toolchains-plugin's select-jdk-toolchain goal with <version>[22,)</version>,"
            + " or declare a JDK 22+ in ~/.m2/toolchains.xml and set <jdkToolchain><version>[22,)</version></jdkToolchain>;"
            + "\n  - set <jvm>/path/to/jdk-22+/bin/java</jvm> or -Dhakmem.jvm=/path/to/jdk-22+/bin/java;"
            + "\n  - run Maven itself on a JDK 22+ (JAVA_HOME).";

    /**
     * @param javas java executables
     * @return the one with the highest feature release of at least {@link #MINIMUM_FEATURE}
     */
    static Optional<Path> newest(List<Path> javas) {
        Path best = null;
        int bestFeature = MINIMUM_FEATURE - 1;
        for (Path java : javas) {
            int feature = featureOf(java);
            if (feature > bestFeature) {
                best = java;
                bestFeature = feature;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The java executables of JDKs in the places JDKs are usually installed: {@code JAVA_HOME},
     * next to the JDK running Maven, {@code ~/.jdks}, {@code ~/.sdkman/candidates/java},
     * {@code /usr/lib/jvm}, {@code /opt/java} and macOS's {@code /Library/Java/JavaVirtualMachines}.
     *
     * @param javaHomeVariable the {@code JAVA_HOME} environment variable, or null
     * @param currentHome the running JDK's home
     * @param userHome the user's home directory
     * @return the existing java executables found there
     */
    public static List<Path> installed(@Nullable String javaHomeVariable, Path currentHome, Path userHome) {
        List<Path> homes = new ArrayList<>();
        if (javaHomeVariable != null && !javaHomeVariable.isBlank()) {
            homes.add(Path.of(javaHomeVariable));
        }
        List<Path> parents = new ArrayList<>();
        if (currentHome.getParent() != null) {
            parents.add(currentHome.getParent());
        }
        parents.addAll(List.of(
                userHome.resolve(".jdks"),
                userHome.resolve(".sdkman/candidates/java"),
                Path.of("/usr/lib/jvm"),
                Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines")));
        for (Path parent : parents) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> children = Files.list(parent)) {
                    children.sorted().forEach(child -> {
                        homes.add(child);
                        homes.add(child.resolve("Contents/Home"));
                    });
                } catch (IOException e) {
                    // an unreadable directory holds no usable JDK
                }
            }
        }
        return homes.stream()
                .map(home -> home.resolve("bin").resolve("java"))
                .filter(Files::isExecutable)
                .distinct()
                .toList();
    }

    /**
     * Finds the feature release of a java executable.
     *
     * @param java a java executable
     * @return its feature release, from the JDK's {@code release} file or else from
     *     {@code java -version}; -1 when neither tells
     */
    public static int featureOf(Path java) {
        Path home = java.toAbsolutePath().getParent() == null
                ? null
                : java.toAbsolutePath().getParent().getParent();
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
            Process process = new ProcessBuilder(List.of(java.toString(), "-version"))
                    .redirectErrorStream(true)
                    .start();
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
