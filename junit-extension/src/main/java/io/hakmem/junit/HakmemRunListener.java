package io.hakmem.junit;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Watches every arena from the start of a test run, and at its end reports, once, the blocks that
 * no test could own and that are still live: allocated by threads no test started (a pool created
 * in a static initializer, say), in {@code @BeforeAll} methods, or by static code. Grouped by site,
 * logged as a warning to the {@code io.hakmem.junit.HakmemExtension} logger; it fails nothing.
 *
 * <p>The JUnit Platform launcher finds it through {@code META-INF/services}; nothing to configure.
 * {@code hakmem.ignoreLeaksFrom} suppresses sites here too.
 *
 * <pre>{@code
 * hakmem: 2 blocks (48 B) allocated outside any test are still live at the end of the run
 *
 * 2 blocks (48 B) allocated at
 *     #0 com.example.Cache.<clinit>(Cache.java:12)
 *   from HakmemArena.global(), by thread 'main'
 * }</pre>
 */
@NullMarked
// The launcher is a static requirement, not a transitive one: it is optional for this jar's users
// and only the launcher itself ever loads this class, so no module that reads io.hakmem.junit
// needs to see TestExecutionListener or TestPlan here.
@SuppressWarnings("exports")
public final class HakmemRunListener implements TestExecutionListener {

    private static final System.Logger LOG = System.getLogger(HakmemExtension.class.getName());

    /** Created by the launcher through the service loader. */
    public HakmemRunListener() {}

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        ProcessWatch.ensureInstalled();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        String report = report(ConfigurationParameters.patterns(testPlan.getConfigurationParameters()
                .get(ConfigurationParameters.IGNORE_LEAKS_FROM)
                .orElse("")));
        if (!report.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, report);
        }
    }

    /** {@return the end-of-run report, empty when every block that no test owned was freed} */
    static String report(List<String> ignore) {
        List<LeakGroups.Leak> leaks = ProcessWatch.INSTANCE.unowned(ignore);
        if (leaks.isEmpty()) {
            return "";
        }
        long bytes = leaks.stream().mapToLong(LeakGroups.Leak::byteSize).sum();
        return "hakmem: " + Sizes.blocks(leaks.size(), bytes) + " allocated outside any test are still live at the"
                + " end of the run\n\n" + LeakGroups.format(leaks, ArenaSettings.DEFAULT_STACK_DEPTH);
    }
}
