package io.hakmem.maven;

import io.hakmem.budget.fork.RunFigures;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Figures and budgets for the report tests. */
final class Fixtures {

    static final RunInfo INFO = new RunInfo(1, "25", "2026-11-25T10:00:00Z", "3f2a9c1d0b7e", "ci-7", null);

    private Fixtures() {}

    static RunFigures run(long live, long resident, long retained) {
        return new RunFigures(live, resident, resident + 4096, retained, resident + 100_000, 250_000_000L);
    }

    static BudgetSpec spec(
            String name,
            String workload,
            Map<String, String> parameters,
            @Nullable Double maxOverhead,
            @Nullable Long maxRetained) {
        Map<Figure, Double> limits = new EnumMap<>(Figure.class);
        if (maxOverhead != null) {
            limits.put(Figure.OVERHEAD, maxOverhead);
        }
        if (maxRetained != null) {
            limits.put(Figure.RETAINED, (double) maxRetained);
        }
        return new BudgetSpec(name, workload, parameters, limits, Level.FAIL, null);
    }

    static BudgetOutcome passing() {
        BudgetSpec spec = spec("scaling-1M", "scaling", Map.of("blocks", "1000000"), 50.0, 2_097_152L);
        return BudgetEvaluator.evaluate(new BudgetResult(spec, List.of(run(16_000_000, 20_000_000, 0)), null));
    }

    static BudgetOutcome failing() {
        BudgetSpec spec = spec("small <17>", "p.Direct", Map.of(), 1.0, 1000L);
        return BudgetEvaluator.evaluate(new BudgetResult(spec, List.of(run(1_700_000, 2_097_152, 8192)), null));
    }

    static BudgetReport report() {
        return report(List.of(passing(), failing()));
    }

    static BudgetReport report(List<BudgetOutcome> outcomes) {
        return new BudgetReport(outcomes, INFO);
    }
}
