package io.hakmem.maven;

import io.hakmem.budget.fork.ForkProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The built-in workloads and their integer parameters, as listed by hakmem-allocator in
 * {@code META-INF/hakmem/workloads.properties}; read from the jar, so the plugin and the
 * allocator it forks never disagree.
 *
 * <pre>{@code
 * WorkloadCatalog catalog = WorkloadCatalog.read(allocatorJar);
 * List<String> parameters = catalog.parametersOf("scaling"); // [blocks, size]
 * }</pre>
 */
@NullMarked
public final class WorkloadCatalog {

    private final Map<String, List<String>> builtIns;

    /**
     * Creates a catalog of built-in workloads and their parameters.
     *
     * @param builtIns workload name to the names of its integer parameters
     */
    public WorkloadCatalog(Map<String, List<String>> builtIns) {
        this.builtIns = java.util.Collections.unmodifiableMap(new TreeMap<>(builtIns));
    }

    /**
     * Reads the built-in workloads from the allocator jar.
     *
     * @param allocator the hakmem-allocator jar, or its classes directory inside a reactor
     * @return the catalog it lists
     * @throws IOException if the list cannot be read or is missing
     */
    public static WorkloadCatalog read(Path allocator) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = open(allocator)) {
            properties.load(in);
        }
        Map<String, List<String>> builtIns = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            builtIns.put(
                    name,
                    Arrays.stream(properties.getProperty(name).split(","))
                            .map(String::trim)
                            .toList());
        }
        return new WorkloadCatalog(builtIns);
    }

    private static InputStream open(Path allocator) throws IOException {
        if (Files.isDirectory(allocator)) {
            return Files.newInputStream(allocator.resolve(ForkProtocol.WORKLOADS_RESOURCE));
        }
        JarFile jar = new JarFile(allocator.toFile());
        ZipEntry entry = jar.getEntry(ForkProtocol.WORKLOADS_RESOURCE);
        if (entry == null) {
            jar.close();
            throw new IOException(allocator + " has no " + ForkProtocol.WORKLOADS_RESOURCE);
        }
        InputStream in = jar.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                jar.close();
            }
        };
    }

    /** {@return the built-in names, sorted} */
    public List<String> names() {
        return List.copyOf(builtIns.keySet());
    }

    /**
     * Looks up the parameters a built-in workload accepts.
     *
     * @param workload a workload name
     * @return its parameters, or null when it is not a built-in
     */
    public @Nullable List<String> parametersOf(String workload) {
        return builtIns.get(workload);
    }
}
