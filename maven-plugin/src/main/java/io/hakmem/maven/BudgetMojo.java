package io.hakmem.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Runs memory budgets, each in a forked JDK 22+ JVM of its own, prints the budget table, writes
 * {@code budget-report.json}, {@code budget-report.html} and {@code TEST-hakmem-budgets.xml}, and
 * fails the build when a budget crosses a limit.
 *
 * <pre>{@code
 * <configuration>
 *   <budgets>
 *     <budget>
 *       <name>scaling-1M</name>
 *       <workload>scaling</workload>
 *       <parameters><blocks>1000000</blocks><size>16</size></parameters>
 *       <maxOverheadPercent>50</maxOverheadPercent>
 *     </budget>
 *   </budgets>
 * </configuration>
 * }</pre>
 */
@NullMarked
@Mojo(name = "budget", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class BudgetMojo extends AbstractMojo {

    private static final String ALLOCATOR_GROUP = "io.hakmem";
    private static final String ALLOCATOR_ARTIFACT = "hakmem-allocator";

    /**
     * The budgets: {@code name}, {@code workload} (a built-in: {@code scaling}, {@code random-mixed},
     * {@code threads}; or the class name of a {@code io.hakmem.budget.Workload} on the test
     * classpath), {@code parameters}, {@code maxOverheadPercent} and {@code maxRetainedBytes}. With
     * none, the default set runs: {@code scaling} at 100K, 500K and 1M blocks of 16 B, each with
     * maxOverheadPercent 50 and maxRetainedBytes 2 MiB.
     */
    @Parameter
    private @Nullable List<Budget> budgets;

    /** Skips the goal, saying so in the log. */
    @Parameter(property = "hakmem.skip", defaultValue = "false")
    private boolean skip;

    /** Whether a crossed limit fails the build; if false, each violation is logged as a warning. */
    @Parameter(property = "hakmem.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** Runs per budget; the reports give the median, so one odd run cannot flip the verdict. */
    @Parameter(property = "hakmem.repeat", defaultValue = "3")
    private int repeat;

    /** Requirements of the JDK toolchain to fork, such as {@code <version>[22,)</version>}. */
    @Parameter
    private @Nullable Map<String, String> jdkToolchain;

    /** The java executable to fork when no toolchain applies; must be a JDK 22 or later. */
    @Parameter(property = "hakmem.jvm")
    private @Nullable File jvm;

    /** Extra JVM arguments for the fork, after the plugin's own, so they win. */
    @Parameter(property = "hakmem.argLine")
    private @Nullable String argLine;

    /** The fork's fixed heap size (-Xms and -Xmx), pre-touched so that it never shows in RSS deltas. */
    @Parameter(property = "hakmem.forkHeap", defaultValue = "512m")
    private String forkHeap = "512m";

    /**
     * How long the JVM of one budget may run, all its repeats included, before it and every
     * process it started are killed; that budget then fails and the next one runs.
     */
    @Parameter(property = "hakmem.forkTimeoutSeconds", defaultValue = "600")
    private int forkTimeoutSeconds;

    /** Where the reports go. */
    @Parameter(property = "hakmem.reportDirectory", defaultValue = "${project.build.directory}/hakmem")
    private File reportDirectory = new File("target/hakmem");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private @Nullable MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private @Nullable MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private @Nullable PluginDescriptor plugin;

    private final ToolchainManager toolchainManager;

    /**
     * Creates the goal with Maven's toolchain manager.
     *
     * @param toolchainManager finds the JDK toolchain; injected by Maven (JSR-330)
     */
    @Inject
    public BudgetMojo(ToolchainManager toolchainManager) {
        this.toolchainManager = toolchainManager;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hakmem:budget skipped (hakmem.skip=true)");
            return;
        }
        deleteStaleReports();
        MavenProject project = required(this.project);
        Path allocator = allocatorArtifact();
        List<Path> classpath = classpath(project, allocator);
        List<BudgetSpec> specs = validate(allocator, classpath);
        Path java = java();
        ForkSettings settings = forkSettings(java, classpath);
        getLog().info("hakmem:budget: " + specs.size() + " budget(s), " + repeat + " run(s) each, on " + java
                + " (Java " + JavaExecutables.featureOf(java) + ")");
        List<BudgetResult> results = runFork(settings, specs);
        BudgetReport report = new BudgetReport(results.stream().map(BudgetEvaluator::evaluate).toList(), repeat,
                Integer.toString(JavaExecutables.featureOf(java)));
        writeReports(report);
        verdict(report);
    }

    private void deleteStaleReports() throws MojoExecutionException {
        try {
            ReportWriter.deleteStale(reportDirectory.toPath())
                    .forEach(file -> getLog().debug("hakmem:budget deleted the last run's " + file));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot delete the last run's reports in " + reportDirectory, e);
        }
    }

    private List<BudgetSpec> validate(Path allocator, List<Path> classpath) throws MojoExecutionException {
        if (repeat < 1) {
            throw new MojoExecutionException("repeat must be at least 1, was " + repeat);
        }
        if (forkTimeoutSeconds < 1) {
            throw new MojoExecutionException("forkTimeoutSeconds must be at least 1, was " + forkTimeoutSeconds);
        }
        List<Budget> configured = budgets == null || budgets.isEmpty() ? DefaultBudgets.all() : budgets;
        if (budgets == null || budgets.isEmpty()) {
            getLog().info("hakmem:budget: no <budgets> configured, running the default set (scaling 100K/500K/1M x 16 B)");
        }
        try {
            WorkloadCatalog catalog = WorkloadCatalog.read(allocator);
            return new BudgetValidator(catalog, new WorkloadClassInspector(classpath)).validate(configured);
        } catch (BudgetConfigurationException e) {
            throw new MojoExecutionException(e.getMessage() + testClassesHint(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the built-in workload list of " + allocator, e);
        }
    }

    private String testClassesHint() {
        Path testClasses = Path.of(required(project).getBuild().getTestOutputDirectory());
        return Files.isDirectory(testClasses) ? "" : "\n  (" + testClasses
                + " does not exist: compile the tests first, e.g. mvn test-compile hakmem:budget)";
    }

    private List<BudgetResult> runFork(ForkSettings settings, List<BudgetSpec> specs) throws MojoExecutionException {
        try {
            return new ForkedRunner(settings).run(specs, repeat, line -> getLog().info(line));
        } catch (BudgetConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (ForkException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot run the budget JVM: " + e.getMessage(), e);
        }
    }

    private void writeReports(BudgetReport report) throws MojoExecutionException {
        ConsoleTable.render(report).forEach(line -> getLog().info(line));
        try {
            for (Path file : ReportWriter.write(report, reportDirectory.toPath())) {
                getLog().info("hakmem:budget report: " + file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the budget reports to " + reportDirectory, e);
        }
    }

    private void verdict(BudgetReport report) throws MojoFailureException {
        List<String> lines = report.violations().stream().map(Violation::message).toList();
        if (lines.isEmpty()) {
            getLog().info("hakmem:budget: all " + report.outcomes().size() + " budget(s) within their limits");
        } else if (haltOnFailure) {
            throw new MojoFailureException(lines.size() + " memory budget violation(s):\n  "
                    + String.join("\n  ", lines));
        } else {
            lines.forEach(line -> getLog().warn(line));
            getLog().warn("hakmem:budget: " + lines.size() + " violation(s) ignored (haltOnFailure=false)");
        }
    }

    private ForkSettings forkSettings(Path java, List<Path> classpath) throws MojoExecutionException {
        try {
            return new ForkSettings(java, classpath, forkHeap, ArgLine.split(argLine),
                    Duration.ofSeconds(forkTimeoutSeconds), reportDirectory.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Path java() throws MojoExecutionException {
        Path currentHome = Path.of(System.getProperty("java.home"));
        Path current = currentHome.resolve("bin").resolve("java");
        try {
            return JavaExecutables.choose(toolchainJava(), jvm == null ? null : jvm.toPath(), current,
                    Runtime.version().feature(), () -> JavaExecutables.installed(System.getenv("JAVA_HOME"),
                            currentHome, Path.of(System.getProperty("user.home"))));
        } catch (IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private @Nullable Path toolchainJava() throws MojoExecutionException {
        MavenSession session = required(this.session);
        Toolchain toolchain;
        if (jdkToolchain != null && !jdkToolchain.isEmpty()) {
            List<Toolchain> matching = toolchainManager.getToolchains(session, "jdk", jdkToolchain);
            if (matching.isEmpty()) {
                throw new MojoExecutionException("jdkToolchain: no JDK toolchain matches " + jdkToolchain
                        + "; declare one in ~/.m2/toolchains.xml or use maven-toolchains-plugin's select-jdk-toolchain");
            }
            toolchain = matching.get(0);
        } else {
            toolchain = toolchainManager.getToolchainFromBuildContext("jdk", session);
            if (toolchain == null) {
                // Invoked alone (mvn hakmem:budget), nothing selected one: any JDK 22+ of toolchains.xml.
                toolchain = toolchainManager.getToolchains(session, "jdk", Map.of("version", "[22,)")).stream()
                        .findFirst().orElse(null);
            }
        }
        String java = toolchain == null ? null : toolchain.findTool("java");
        return java == null ? null : Path.of(java);
    }

    private Path allocatorArtifact() throws MojoExecutionException {
        for (Artifact artifact : required(plugin).getArtifacts()) {
            if (ALLOCATOR_GROUP.equals(artifact.getGroupId()) && ALLOCATOR_ARTIFACT.equals(artifact.getArtifactId())
                    && artifact.getFile() != null) {
                return artifact.getFile().toPath();
            }
        }
        throw new MojoExecutionException("the plugin's own dependency " + ALLOCATOR_GROUP + ":" + ALLOCATOR_ARTIFACT
                + " was not resolved");
    }

    private static List<Path> classpath(MavenProject project, Path allocator) throws MojoExecutionException {
        List<Path> classpath = new ArrayList<>();
        // The plugin's allocator first: it holds the fork's main class in the version this plugin speaks to.
        classpath.add(allocator);
        try {
            for (String element : project.getTestClasspathElements()) {
                Path path = Path.of(element);
                if (!path.equals(allocator)) {
                    classpath.add(path);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the test classpath is not resolved: " + e.getMessage(), e);
        }
        return classpath;
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("Maven did not inject a required parameter");
        }
        return value;
    }
}
