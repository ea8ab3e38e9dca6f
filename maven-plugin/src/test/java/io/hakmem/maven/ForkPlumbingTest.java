package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakmem.budget.fork.RunFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkPlumbingTest {

    @TempDir
    Path directory;

    private static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Test
    void argLineSplitsOnBlanksAndKeepsQuotedBlanks() {
        assertThat(ArgLine.split(" -Xss1m  -Dname=\"a b\" '-Dx=c d' "))
                .containsExactly("-Xss1m", "-Dname=a b", "-Dx=c d");
        assertThat(ArgLine.split(null)).isEmpty();
        assertThatThrownBy(() -> ArgLine.split("-Da=\"b")).hasMessage("argLine: unbalanced quotes in -Da=\"b");
    }

    @Test
    void javaVersionsAreReadFromReleaseFilesAndVersionOutput() {
        assertThat(JavaExecutables.parseReleaseFile("IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.1\"\n"))
                .isEqualTo(25);
        assertThat(JavaExecutables.parseVersionOutput("openjdk version \"22\" 2024-03-19"))
                .isEqualTo(22);
        assertThat(JavaExecutables.parseVersionOutput("java version \"1.8.0_412\""))
                .isEqualTo(8);
        assertThat(JavaExecutables.featureOf(currentJava()))
                .isEqualTo(Runtime.version().feature());
    }

    @Test
    void theToolchainWinsThenTheJvmParameterThenMavensOwnJavaThenTheNewestInstalledJdk() throws IOException {
        Path jdk17 = fakeJdk("jdk17", "17.0.9");
        Path jdk22 = fakeJdk("jdk22", "22.0.2");
        Path jdk25 = fakeJdk("jdk25", "25");
        Path maven = Path.of("/maven/bin/java");
        Supplier<List<Path>> none = List::of;

        assertThat(JavaExecutables.choose(jdk25, jdk17, maven, 17, none)).isEqualTo(jdk25);
        assertThat(JavaExecutables.choose(jdk17, jdk22, maven, 17, none)).isEqualTo(jdk22);
        assertThat(JavaExecutables.choose(null, null, maven, 22, none)).isEqualTo(maven);
        assertThat(JavaExecutables.choose(jdk17, null, maven, 17, () -> List.of(jdk22, jdk25, jdk17)))
                .isEqualTo(jdk25);
        assertThatThrownBy(() -> JavaExecutables.choose(null, jdk17, maven, 25, none))
                .hasMessageStartingWith("jvm: " + jdk17 + " is Java 17; hakmem:budget needs a JDK 22 or later");
        assertThatThrownBy(() -> JavaExecutables.choose(jdk17, null, maven, 17, () -> List.of(jdk17)))
                .hasMessageStartingWith("hakmem:budget needs a JDK 22 or later to run budgets.")
                .hasMessageContaining(
                        "the toolchain's " + jdk17 + " is Java 17",
                        "Maven runs on Java 17",
                        "select-jdk-toolchain",
                        "-Dhakmem.jvm=");
    }

    @Test
    void installedJdksAreFoundInTheUsualPlaces() throws IOException {
        Path jdk22 = fakeJdk("jvms/jdk22", "22");
        Path jdk25 = fakeJdk("home/.jdks/jdk25", "25");
        jdk22.toFile().setExecutable(true);
        jdk25.toFile().setExecutable(true);

        List<Path> found =
                JavaExecutables.installed(null, directory.resolve("jvms/current"), directory.resolve("home"));

        assertThat(found).contains(jdk22, jdk25);
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home =
                Files.createDirectories(directory.resolve(name).resolve("bin")).getParent();
        Files.createDirectories(home);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return Files.createFile(home.resolve("bin").resolve("java"));
    }

    @Test
    void theRequestFileListsBudgetsAndParameters() {
        Properties request =
                RequestFile.of(List.of(Fixtures.spec("a", "scaling", Map.of("blocks", "100"), 1.0, null)), 3);

        assertThat(request)
                .containsEntry("repeat", "3")
                .containsEntry("budgets", "1")
                .containsEntry("budget.0.name", "a")
                .containsEntry("budget.0.workload", "scaling")
                .containsEntry("budget.0.parameter.blocks", "100");
    }

    @Test
    void resultsAreReadBackPerRun() {
        BudgetSpec spec = Fixtures.spec("a", "scaling", Map.of(), 1.0, null);
        Properties results = new Properties();
        results.setProperty("budgets", "1");
        results.setProperty("budget.0.name", "a");
        results.setProperty("budget.0.runs", "1");
        for (String key : List.of(
                "liveBytes", "residentBytes", "mappedBytes", "retainedBytes", "rssDeltaBytes", "elapsedNanos")) {
            results.setProperty("budget.0.run.0." + key, Integer.toString(key.length()));
        }
        results.setProperty("budget.0.error", "boom");

        List<BudgetResult> parsed = ForkResults.parse(results, List.of(spec));

        assertThat(parsed)
                .containsExactly(new BudgetResult(spec, List.of(new RunFigures(9, 13, 11, 13, 13, 12)), "boom"));
        assertThat(ForkResults.configErrors(results)).isEmpty();
    }

    @Test
    void theForkRunsWithFixedPreTouchedHeapNativeAccessAndUserArgumentsLast() {
        ForkSettings settings =
                new ForkSettings(currentJava(), List.of(), "256m", List.of("-Xmx1g"), Duration.ofSeconds(5), directory);

        List<String> command = new ForkedRunner(settings).command(Path.of("cp.args"), Path.of("in"), Path.of("out"));

        assertThat(command)
                .containsExactly(
                        currentJava().toString(),
                        "-Xms256m",
                        "-Xmx256m",
                        "-XX:+AlwaysPreTouch",
                        "-XX:+UseSerialGC",
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xmx1g",
                        "@cp.args",
                        "io.hakmem.budget.BudgetRunnerMain",
                        "in",
                        "out");
    }

    @Test
    void aCrashingForkFailsWithTheTailOfItsOutput() {
        ForkSettings settings = new ForkSettings(
                currentJava(),
                List.of(directory.resolve("empty")),
                "64m",
                List.of(),
                Duration.ofSeconds(60),
                directory.resolve("work"));
        List<String> progress = new ArrayList<>();

        assertThatThrownBy(() -> new ForkedRunner(settings)
                        .run(List.of(Fixtures.spec("a", "scaling", Map.of(), 1.0, null)), 1, progress::add))
                .isInstanceOf(ForkException.class)
                .hasMessageStartingWith("the budget JVM exited with status 1 before it could run budget 'a';"
                        + " the last lines of its output")
                .hasMessageContaining("io.hakmem.budget.BudgetRunnerMain");
        assertThat(directory.resolve("work").resolve("fork.log")).exists();
        assertThat(progress).isEmpty();
    }
}
