package io.hakmem.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What {@code hakmem:budget} and {@code hakmem:baseline} share: the budgets, their selection, the
 * fork and the baseline file. The work itself is done by the plugin's Maven-free core
 * ({@link BudgetValidator}, {@link ForkedRunner}, {@link BudgetEvaluator}, the reports).
 *
 * <pre>{@code
 * mvn test-compile hakmem:budget -Dhakmem.budgets=small-17,scaling-*
 * }</pre>
 */
@NullMarked
public abstract class AbstractBudgetMojo extends AbstractMojo {

    private static final String ALLOCATOR_GROUP = "io.hakmem";
    private static final String ALLOCATOR_ARTIFACT = "hakmem-allocator";

    /**
     * The budgets: {@code name}, {@code workload} (a built-in: {@code scaling}, {@code random-mixed},
     * {@code threads}; or the class name of a {@code io.hakmem.budget.Workload} on the test
     * classpath), {@code parameters}, the limits {@code maxResidentBytes}, {@code maxMappedBytes},
     * {@code maxRssDeltaBytes}, {@code maxRetainedBytes} (each a byte count or a size such as
     * {@code 512KiB}, {@code 2MiB}, {@code 1.5GiB}) and {@code maxOverheadPercent},
     * {@code maxRegressionPercent}, and {@code level} ({@code FAIL} or {@code WARN}). With none,
     * the default set runs: {@code scaling} at 100K, 500K and 1M blocks of 16 B, each with
     * maxOverheadPercent 50 and maxRetainedBytes 2 MiB.
     */
    @Parameter
    private @Nullable List<Budget> budgets;

    /**
     * Runs only the named budgets, comma-separated; {@code *} and {@code ?} are globs, as in
     * {@code -Dhakmem.budgets=small-17,scaling-*}. A name that matches no budget is an error.
     */
    @Parameter(property = "hakmem.budgets")
    private @Nullable String selectedBudgets;

    /** Skips the goal, saying so in the log. */
    @Parameter(property = "hakmem.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The baseline: {@code hakmem:baseline} writes it, {@code hakmem:budget} compares each budget
     * with its entry when the file exists. Meant to be committed.
     */
    @Parameter(property = "hakmem.baselineFile", defaultValue = "${project.basedir}/hakmem-baseline.json")
    private File baselineFile = new File("hakmem-baseline.json");

    /**
     * The largest allowed increase of peak resident bytes and of retained bytes over the
     * baseline, in percent, for budgets that set no {@code maxRegressionPercent} of their own.
     */
    @Parameter(property = "hakmem.maxRegressionPercent", defaultValue = "10")
    private String maxRegressionPercent = "10";

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

    /**
     * Where {@code TEST-hakmem-budgets.xml} goes, such as {@code ${project.build.directory}/surefire-reports}
     * where a CI server already looks; the report directory when unset.
     */
    @Parameter(property = "hakmem.junitXmlDirectory")
    private @Nullable File junitXmlDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private @Nullable MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private @Nullable MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private @Nullable PluginDescriptor plugin;

    private final ToolchainManager toolchainManager;
    private final String goal;

    /**
     * Creates the goal with Maven's toolchain manager.
     *
     * @param toolchainManager finds the JDK toolchain
     * @param goal the goal's name for log lines, such as {@code hakmem:budget}
     */
    protected AbstractBudgetMojo(ToolchainManager toolchainManager, String goal) {
        this.toolchainManager = toolchainManager;
        this.goal = goal;
    }

    /** {@return the goal's name for log lines, such as {@code hakmem:budget}} */
    protected final String goal() {
        return goal;
    }

    /**
     * Does the goal's work on the budgets' figures.
     *
     * @param run what ran and its figures
     * @throws MojoExecutionException if a file cannot be read or written
     * @throws MojoFailureException if the goal's verdict fails the build
     */
    protected abstract void complete(Run run) throws MojoExecutionException, MojoFailureException;

    /**
     * What ran: the figures of every selected budget, and how they were taken.
     *
     * @param results the budgets' figures, in POM order
     * @param info the run's date, commit, JDK and host
     */
    protected record Run(List<BudgetResult> results, RunInfo info) {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(goal() + " skipped (hakmem.skip=true)");
            return;
        }
        deleteStaleReports();
        MavenProject project = required(this.project);
        Path allocator = allocatorArtifact();
        List<Path> classpath = classpath(project, allocator);
        List<BudgetSpec> specs = validate(allocator, classpath);
        Path java = java();
        ForkSettings settings = forkSettings(java, classpath);
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        getLog().info(goal() + ": " + specs.size() + " budget(s), " + repeat + " run(s) each, on " + java + " (Java "
                + JavaExecutables.featureOf(java) + ")");
        List<BudgetResult> results = runFork(settings, specs);
        RunInfo info = new RunInfo(
                repeat,
                Integer.toString(JavaExecutables.featureOf(java)),
                date,
                Environment.gitCommit(project.getBasedir().toPath()),
                Environment.host(),
                Files.isRegularFile(baselineFile.toPath()) ? baselineFile.getPath() : null);
        complete(new Run(results, info));
    }

    /** {@return the baseline file} */
    protected Path baselineFile() {
        return baselineFile.toPath();
    }

    /**
     * Writes the console table and the three reports.
     *
     * @param report the budgets
     * @throws MojoExecutionException if a report cannot be written
     */
    protected void writeReports(BudgetReport report) throws MojoExecutionException {
        ConsoleTable.render(report).forEach(line -> getLog().info(line));
        try {
            Path junit = junitXmlDirectory == null ? reportDirectory.toPath() : junitXmlDirectory.toPath();
            for (Path file : ReportWriter.write(report, reportDirectory.toPath(), junit)) {
                getLog().info(goal() + " report: " + file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the budget reports to " + reportDirectory, e);
        }
    }

    private void deleteStaleReports() throws MojoExecutionException {
        try {
            ReportWriter.deleteStale(
                            reportDirectory.toPath(),
                            junitXmlDirectory == null ? reportDirectory.toPath() : junitXmlDirectory.toPath())
                    .forEach(file -> getLog().debug(goal() + " deleted the last run's " + file));
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
            getLog().info(goal() + ": no <budgets> configured, running the default set (scaling 100K/500K/1M x 16 B)");
        }
        try {
            WorkloadCatalog catalog = WorkloadCatalog.read(allocator);
            List<BudgetSpec> all = new BudgetValidator(catalog, new WorkloadClassInspector(classpath))
                    .validate(configured, defaultRegressionPercent());
            List<BudgetSpec> selected = BudgetSelection.parse(selectedBudgets).select(all);
            if (selected.size() < all.size()) {
                getLog().info(goal() + ": hakmem.budgets=" + selectedBudgets + " selects " + selected.size() + " of "
                        + all.size() + " budget(s): "
                        + selected.stream().map(BudgetSpec::name).toList());
            }
            return selected;
        } catch (BudgetConfigurationException e) {
            throw new MojoExecutionException(e.getMessage() + testClassesHint(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the built-in workload list of " + allocator, e);
        }
    }

    private @Nullable Double defaultRegressionPercent() throws BudgetConfigurationException {
        if (maxRegressionPercent == null || maxRegressionPercent.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(maxRegressionPercent.trim());
            if (Double.isFinite(value) && value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new BudgetConfigurationException(List.of("maxRegressionPercent (hakmem.maxRegressionPercent): must be"
                + " a finite number of percent, 0 or more, was '" + maxRegressionPercent + "'"));
    }

    private String testClassesHint() {
        Path testClasses = Path.of(required(project).getBuild().getTestOutputDirectory());
        return Files.isDirectory(testClasses)
                ? ""
                : "\n  (" + testClasses
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

    private ForkSettings forkSettings(Path java, List<Path> classpath) throws MojoExecutionException {
        try {
            return new ForkSettings(
                    java,
                    classpath,
                    forkHeap,
                    ArgLine.split(argLine),
                    Duration.ofSeconds(forkTimeoutSeconds),
                    reportDirectory.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Path java() throws MojoExecutionException {
        Path currentHome = Path.of(System.getProperty("java.home"));
        Path current = currentHome.resolve("bin").resolve("java");
        try {
            return JavaExecutables.choose(
                    toolchainJava(),
                    jvm == null ? null : jvm.toPath(),
                    current,
                    Runtime.version().feature(),
                    () -> JavaExecutables.installed(
                            System.getenv("JAVA_HOME"), currentHome, Path.of(System.getProperty("user.home"))));
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
                throw new MojoExecutionException(
                        "jdkToolchain: no JDK toolchain matches " + jdkToolchain
                                + "; declare one in ~/.m2/toolchains.xml or use maven-toolchains-plugin's select-jdk-toolchain");
            }
            toolchain = matching.get(0);
        } else {
            toolchain = toolchainManager.getToolchainFromBuildContext("jdk", session);
            if (toolchain == null) {
                // Invoked alone (mvn hakmem:budget), nothing selected one: any JDK 22+ of toolchains.xml.
                toolchain = toolchainManager.getToolchains(session, "jdk", Map.of("version", "[22,)")).stream()
                        .findFirst()
                        .orElse(null);
            }
        }
        String java = toolchain == null ? null : toolchain.findTool("java");
        return java == null ? null : Path.of(java);
    }

    private Path allocatorArtifact() throws MojoExecutionException {
        for (Artifact artifact : required(plugin).getArtifacts()) {
            if (ALLOCATOR_GROUP.equals(artifact.getGroupId())
                    && ALLOCATOR_ARTIFACT.equals(artifact.getArtifactId())
                    && artifact.getFile() != null) {
                return artifact.getFile().toPath();
            }
        }
        throw new MojoExecutionException(
                "the plugin's own dependency " + ALLOCATOR_GROUP + ":" + ALLOCATOR_ARTIFACT + " was not resolved");
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
