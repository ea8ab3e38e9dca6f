package io.hakmem.budget;

import io.hakmem.HakmemArena;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The runner's {@link WorkloadContext}: one arena, the POM parameters, and the peak sample. */
final class RunContext implements WorkloadContext {

    private final HakmemArena arena;
    private final String budgetName;
    private final Map<String, String> parameters;
    private @Nullable Sample peak;
    private final java.util.Set<String> read = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RunContext(HakmemArena arena, String budgetName, Map<String, String> parameters) {
        this.arena = arena;
        this.budgetName = budgetName;
        this.parameters = Map.copyOf(parameters);
    }

    @Override
    public HakmemArena arena() {
        return arena;
    }

    @Override
    public long parameter(String name, long defaultValue) {
        read.add(name);
        String value = parameters.get(name);
        if (value == null) {
            return defaultValue;
        }
        return Parameters.parseLong(budgetName, name, value);
    }

    @Override
    public String parameter(String name, String defaultValue) {
        read.add(name);
        return parameters.getOrDefault(name, defaultValue);
    }

    @Override
    public synchronized void measure() {
        Sample now = Sample.of(arena.stats(), ProcessMemory.residentBytes());
        // Several calls: the one with the most live bytes is the peak.
        if (peak == null || now.liveBytes() >= peak.liveBytes()) {
            peak = now;
        }
    }

    /** {@return the names the workload asked for, set in the POM or not} */
    java.util.Set<String> parametersRead() {
        return java.util.Set.copyOf(read);
    }

    synchronized @Nullable Sample peak() {
        return peak;
    }
}
