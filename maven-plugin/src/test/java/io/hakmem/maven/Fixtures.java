package io.hakmem.maven;

import java.util.List;
import java.util.Map;

/** Figures and budgets for the report tests. */
final class Fixtures {

    private Fixtures() {}

    static RunFigures run(long live, long resident, long retained) {
        return new RunFigures(live, resident, resident + 4096, retained, resident + 100_000, 250_000_000L);
    }

    static BudgetOutcome passing() {
        BudgetSpec spec = new BudgetSpec("scaling-1M", "scaling", Map.of("blocks", "1000000"), 50.0, 2_097_152L);
        return BudgetEvaluator.evaluate(new BudgetResult(spec, List.of(run(16_000_000, 20_000_000, 0)), null));
    }

    static BudgetOutcome failing() {
        BudgetSpec spec = new BudgetSpec("small <17>", "p.Direct", Map.of(), 1.0, 1000L);
        return BudgetEvaluator.evaluate(new BudgetResult(spec, List.of(run(1_700_000, 2_097_152, 8192)), null));
    }

    static BudgetReport report() {
        return new BudgetReport(List.of(passing(), failing()), 1, "25");
    }
}
