package io.hakmem.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.NullMarked;

/**
 * Runs the budgets as {@code hakmem:budget} does and writes their median figures to
 * {@code hakmem-baseline.json}, to be committed; from then on {@code hakmem:budget} fails a budget
 * whose peak resident or retained bytes grow by more than {@code maxRegressionPercent}. Run with
 * {@code -Dhakmem.budgets=...}, it updates only those budgets' entries. Crossed limits are logged
 * as warnings: the baseline records what is, the limits stay {@code hakmem:budget}'s business.
 * A budget whose workload failed has no figures, so the goal fails and writes nothing.
 *
 * <pre>{@code
 * mvn test-compile hakmem:baseline
 * git add hakmem-baseline.json
 * }</pre>
 */
@NullMarked
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public class BaselineMojo extends AbstractBudgetMojo {

    /**
     * Creates the goal with Maven's toolchain manager.
     *
     * @param toolchainManager finds the JDK toolchain; injected by Maven (JSR-330)
     */
    @Inject
    public BaselineMojo(ToolchainManager toolchainManager) {
        super(toolchainManager, "hakmem:baseline");
    }

    @Override
    protected void complete(Run run) throws MojoExecutionException, MojoFailureException {
        BudgetReport report = new BudgetReport(
                run.results().stream().map(BudgetEvaluator::evaluate).toList(), run.info());
        writeReports(report);
        List<String> failed = report.outcomes().stream()
                .filter(o -> o.status() == Status.ERROR)
                .flatMap(o -> o.violations().stream())
                .map(Violation::message)
                .toList();
        if (!failed.isEmpty()) {
            throw new MojoFailureException("no baseline written: " + failed.size() + " budget(s) have no figures:\n  "
                    + String.join("\n  ", failed));
        }
        report.violations().forEach(v -> getLog().warn(v.message() + " (recorded in the baseline all the same)"));
        Path file = baselineFile();
        try {
            Baseline measured = Baseline.of(run.results(), run.info().javaVersion());
            Baseline baseline = Files.isRegularFile(file) ? Baseline.read(file).updatedWith(measured) : measured;
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, baseline.render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
        getLog().info("hakmem:baseline: wrote " + run.results().size() + " budget(s) to " + file
                + "; commit it so that hakmem:budget compares with it");
    }
}
