package io.hakmem.budget;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import io.hakmem.budget.fork.RunFigures;
import java.util.Map;
import java.util.Objects;

/** Runs one workload once on a fresh arena and takes its figures. */
final class BudgetRunner {

    private BudgetRunner() {}

    /** As {@link #runOnce(String, Workload, Map, java.util.Set)}, for callers that do not check parameters. */
    static RunFigures runOnce(String budget, Workload workload, Map<String, String> parameters) throws Exception {
        return runOnce(budget, workload, parameters, new java.util.HashSet<>());
    }

    /**
     * @param budget the budget name, for parameter messages
     * @param workload the workload
     * @param parameters its POM parameters
     * @param parametersRead receives the names of the parameters the workload asked for
     * @return the figures of this run
     * @throws Exception whatever the workload throws
     */
    static RunFigures runOnce(
            String budget, Workload workload, Map<String, String> parameters, java.util.Set<String> parametersRead)
            throws Exception {
        long start = System.nanoTime();
        try (HakmemArena arena = HakmemArena.create()) {
            RunContext context = new RunContext(arena, budget, parameters);
            long rssBefore = ProcessMemory.residentBytes();
            try {
                workload.run(context);
            } finally {
                parametersRead.addAll(context.parametersRead());
            }
            if (context.peak() == null) {
                context.measure();
            }
            Sample peak = Objects.requireNonNull(context.peak());
            arena.trim();
            HakmemStats after = arena.stats();
            long rssDelta = rssBefore < 0 || peak.processRssBytes() < 0 ? -1 : peak.processRssBytes() - rssBefore;
            long resident = peak.residentBytes() >= 0 ? peak.residentBytes() : rssDelta;
            long retained = after.residentBytes() >= 0 ? after.residentBytes() : after.mappedBytes();
            return new RunFigures(
                    peak.liveBytes(), resident, peak.mappedBytes(), retained, rssDelta, System.nanoTime() - start);
        }
    }
}
