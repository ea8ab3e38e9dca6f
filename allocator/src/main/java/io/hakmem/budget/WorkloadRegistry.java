package io.hakmem.budget;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a workload name from the POM into a {@link Workload}: a built-in name, or the binary
 * name of a class on the test classpath. The built-ins and their parameters are also listed in
 * {@code META-INF/hakmem/workloads.properties}, which the Maven plugin reads to check a POM before
 * it forks.
 */
final class WorkloadRegistry {

    /** A built-in workload and the parameters it reads; all of them are integers. */
    record BuiltIn(String name, Supplier<Workload> factory, List<String> parameters) {}

    static final Map<String, BuiltIn> BUILT_INS = builtIns();

    private WorkloadRegistry() {}

    private static Map<String, BuiltIn> builtIns() {
        Map<String, BuiltIn> map = new LinkedHashMap<>();
        map.put(
                ScalingWorkload.NAME,
                new BuiltIn(ScalingWorkload.NAME, ScalingWorkload::new, List.of("blocks", "size")));
        map.put(
                RandomMixedWorkload.NAME,
                new BuiltIn(
                        RandomMixedWorkload.NAME,
                        RandomMixedWorkload::new,
                        List.of("cycles", "seed", "workingSet", "minSize", "maxSize")));
        map.put(
                ThreadsWorkload.NAME,
                new BuiltIn(ThreadsWorkload.NAME, ThreadsWorkload::new, List.of("threads", "blocks", "size")));
        return Map.copyOf(map);
    }

    /**
     * @param budget the budget that names the workload, for messages
     * @param workload a built-in name or a class name
     * @param parameters the POM parameters, checked against a built-in's list
     * @param loader where user classes are looked up
     * @return a new workload instance
     * @throws IllegalArgumentException naming the budget and what is wrong
     */
    static Workload create(String budget, String workload, Map<String, String> parameters, ClassLoader loader) {
        BuiltIn builtIn = BUILT_INS.get(workload);
        if (builtIn != null) {
            checkBuiltInParameters(budget, builtIn, parameters);
            return builtIn.factory().get();
        }
        return instantiate(budget, workload, loader);
    }

    private static void checkBuiltInParameters(String budget, BuiltIn builtIn, Map<String, String> parameters) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (!builtIn.parameters().contains(parameter.getKey())) {
                throw new IllegalArgumentException("budget '" + budget + "': workload '" + builtIn.name()
                        + "' has no parameter '" + parameter.getKey() + "'; it knows " + builtIn.parameters());
            }
            Parameters.parseLong(budget, parameter.getKey(), parameter.getValue());
        }
    }

    private static Workload instantiate(String budget, String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "budget '" + budget + "': workload '" + className + "' is neither a built-in " + BUILT_INS.keySet()
                            + " nor a class on the test classpath",
                    e);
        }
        if (!Workload.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(
                    "budget '" + budget + "': class " + className + " does not implement " + Workload.class.getName());
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (Modifier.isAbstract(type.getModifiers())) {
                throw new NoSuchMethodException("abstract");
            }
            return (Workload) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    "budget '" + budget + "': class " + className
                            + " needs a public no-argument constructor and must not be abstract",
                    e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "budget '" + budget + "': could not create " + className + ": " + e.getCause(), e);
        }
    }
}
