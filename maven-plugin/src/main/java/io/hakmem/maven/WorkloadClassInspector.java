package io.hakmem.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.NullMarked;

/**
 * Decides whether a class on the test classpath can serve as a workload, by reading class files
 * instead of loading them (see {@link ClassFile} for why).
 *
 * <pre>{@code
 * var inspector = new WorkloadClassInspector(List.of(Path.of("target/test-classes"), allocatorJar));
 * if (inspector.inspect("com.example.Mine") == WorkloadClassInspector.Verdict.USABLE) { ... }
 * }</pre>
 */
@NullMarked
public final class WorkloadClassInspector {

    /** The internal name of the SPI interface that a workload implements. */
    public static final String WORKLOAD_INTERFACE = "io/hakmem/budget/Workload";

    /** What a class name turned out to be. */
    public enum Verdict {
        /** A public concrete class with a public no-argument constructor implementing Workload. */
        USABLE,
        /** No such class file on the classpath. */
        NOT_FOUND,
        /** The class does not implement Workload, directly or through a supertype. */
        NOT_A_WORKLOAD,
        /** Abstract, an interface, not public, or without a public no-argument constructor. */
        NOT_INSTANTIABLE
    }

    private final List<Path> classpath;
    private final Map<String, Optional<ClassFile>> cache = new HashMap<>();

    /**
     * Creates an inspector over the test classpath.
     *
     * @param classpath directories and jars, searched in order
     */
    public WorkloadClassInspector(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /**
     * Tells whether a class can serve as a workload.
     *
     * @param binaryName a class name as in the POM, such as {@code com.example.Outer$Inner}
     * @return what the class is
     */
    public Verdict inspect(String binaryName) {
        Optional<ClassFile> file = find(binaryName.replace('.', '/'));
        if (file.isEmpty()) {
            return Verdict.NOT_FOUND;
        }
        if (!implementsWorkload(file.get())) {
            return Verdict.NOT_A_WORKLOAD;
        }
        if (!file.get().isPublicConcreteClass() || !file.get().hasPublicNoArgConstructor()) {
            return Verdict.NOT_INSTANTIABLE;
        }
        return Verdict.USABLE;
    }

    /**
     * The parameters a workload class declares with {@code @WorkloadParameters}, so that a
     * misspelled one is caught before forking.
     *
     * @param binaryName a class name as in the POM
     * @return the declared names; empty when the class declares none (then the fork checks what
     *     the workload read)
     */
    public Optional<List<String>> declaredParameters(String binaryName) {
        return find(binaryName.replace('.', '/')).map(ClassFile::declaredParameters);
    }

    private boolean implementsWorkload(ClassFile start) {
        Deque<ClassFile> pending = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            ClassFile type = pending.pop();
            if (!seen.add(type.name())) {
                continue;
            }
            if (type.interfaces().contains(WORKLOAD_INTERFACE)) {
                return true;
            }
            // Supertypes missing from the classpath are JDK types, which never implement Workload.
            if (type.superName() != null) {
                find(type.superName()).ifPresent(pending::push);
            }
            type.interfaces().forEach(name -> find(name).ifPresent(pending::push));
        }
        return false;
    }

    private Optional<ClassFile> find(String internalName) {
        return cache.computeIfAbsent(internalName, this::load);
    }

    private Optional<ClassFile> load(String internalName) {
        String entry = internalName + ".class";
        try {
            for (Path element : classpath) {
                Optional<ClassFile> found = Files.isDirectory(element)
                        ? fromDirectory(element, entry)
                        : Files.isRegularFile(element) ? fromJar(element, entry) : Optional.empty();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry + ": " + e.getMessage(), e);
        }
    }

    private static Optional<ClassFile> fromDirectory(Path directory, String entry) throws IOException {
        Path file = directory.resolve(entry);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(ClassFile.read(in));
        }
    }

    private static Optional<ClassFile> fromJar(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry zipEntry = file.getEntry(entry);
            if (zipEntry == null) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(zipEntry)) {
                return Optional.of(ClassFile.read(in));
            }
        }
    }
}
