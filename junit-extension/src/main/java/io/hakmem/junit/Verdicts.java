package io.hakmem.junit;

import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Turns check results into a failure or a warning, keeping a test's own failure first. */
@NullMarked
final class Verdicts {

    private static final System.Logger LOG = System.getLogger(HakmemExtension.class.getName());
    static final String REPORT_KEY = "hakmem";

    private Verdicts() {}

    static void deliver(List<String> problems, LeakCheckMode mode, ExtensionContext context) {
        if (problems.isEmpty() || mode == LeakCheckMode.OFF) {
            return;
        }
        String report = String.join("\n\n", problems);
        if (mode == LeakCheckMode.WARN) {
            // The checks word their findings as failures; a tolerated finding must not read as one.
            report = report.replace(" check failed: ", " check warning: ");
            context.publishReportEntry(REPORT_KEY, report);
            LOG.log(System.Logger.Level.WARNING, report);
            return;
        }
        AssertionError failure = new AssertionError(report);
        Throwable testFailure = context.getExecutionException().orElse(null);
        if (testFailure != null) {
            testFailure.addSuppressed(failure);
            return;
        }
        throw failure;
    }
}
