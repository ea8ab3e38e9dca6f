package io.hakmem.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Runs memory budgets, each in a forked JDK 22+ JVM of its own, compares each with its limits and,
 * when {@code hakmem-baseline.json} exists, with its baseline; prints the budget table, writes
 * {@code budget-report.json}, {@code budget-report.html} and {@code TEST-hakmem-budgets.xml}, and
 * fails the build when a budget of level FAIL crosses a limit or regresses.
 *
 * <pre>{@code
 * <configuration>
 *   <budgets>
 *     <budget>
 *       <name>scaling-1M</name>
 *       <workload>scaling</workload>
 *       <parameters><blocks>1000000</blocks><size>16</size></parameters>
 *       <maxOverheadPercent>50</maxOverheadPercent>
 *       <maxResidentBytes>24MiB</maxResidentBytes>
 *       <maxRegressionPercent>10</maxRegressionPercent>
 *     </budget>
 *   </budgets>
 * </configuration>
 * }</pre>
 */
@NullMarked
@Mojo(
        name = "budget",
        defaultPhase = LifecyclePhase.VERIFY,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class BudgetMojo extends AbstractBudgetMojo {

    /** Whether a crossed limit fails the build; if false, each violation is logged as a warning. */
    @Parameter(property = "hakmem.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure = true;

    /**
     * Creates the goal with Maven's toolchain manager.
     *
     * @param toolchainManager finds the JDK toolchain; injected by Maven (JSR-330)
     */
    @Inject
    public BudgetMojo(ToolchainManager toolchainManager) {
        super(toolchainManager, "hakmem:budget");
    }

    @Override
    protected void complete(Run run) throws MojoExecutionException, MojoFailureException {
        Baseline baseline = readBaseline(baselineFile());
        BudgetReport report = new BudgetReport(
                run.results().stream()
                        .map(result -> BudgetEvaluator.evaluate(result, baseline))
                        .toList(),
                run.info());
        writeReports(report);
        report.notes().forEach(note -> getLog().info(note));
        verdict(report);
    }

    private @Nullable Baseline readBaseline(Path file) throws MojoExecutionException {
        if (!Files.isRegularFile(file)) {
            getLog().info("hakmem:budget: no baseline at " + file + "; mvn hakmem:baseline writes one");
            return null;
        }
        try {
            Baseline baseline = Baseline.read(file);
            getLog().info("hakmem:budget: comparing with the baseline " + file);
            return baseline;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the baseline: " + e.getMessage(), e);
        }
    }

    private void verdict(BudgetReport report) throws MojoFailureException {
        report.warnings().forEach(v -> getLog().warn(v.message() + " (level WARN)"));
        List<String> lines = report.failures().stream().map(Violation::message).toList();
        if (lines.isEmpty()) {
            getLog().info("hakmem:budget: all " + report.outcomes().size() + " budget(s) within their limits"
                    + (report.warnings().isEmpty()
                            ? ""
                            : ", " + report.warnings().size() + " warning(s)"));
        } else if (haltOnFailure) {
            throw new MojoFailureException(
                    lines.size() + " memory budget violation(s):\n  " + String.join("\n  ", lines));
        } else {
            lines.forEach(line -> getLog().warn(line));
            getLog().warn("hakmem:budget: " + lines.size() + " violation(s) ignored (haltOnFailure=false)");
        }
    }
}
