package io.hakmem.maven;

import io.hakmem.budget.fork.ForkProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles small workload classes against the real hakmem-allocator at test time: this module is
 * compiled for Java 17 and cannot reference the allocator's Java 22 classes directly.
 */
final class CompiledWorkloads {

    static final Map<String, String> SOURCES = Map.of(
            "p/Direct.java",
                    "package p; public final class Direct implements io.hakmem.budget.Workload {"
                            + " public void run(io.hakmem.budget.WorkloadContext c) {} }",
            "p/Base.java", "package p; public abstract class Base implements io.hakmem.budget.Workload {}",
            "p/Inherited.java",
                    "package p; public class Inherited extends Base {"
                            + " public void run(io.hakmem.budget.WorkloadContext c) {} }",
            "p/Tagged.java", "package p; public interface Tagged extends io.hakmem.budget.Workload {}",
            "p/ViaInterface.java",
                    "package p; public class ViaInterface implements Tagged {"
                            + " public void run(io.hakmem.budget.WorkloadContext c) {} }",
            "p/NeedsArgument.java",
                    "package p; public class NeedsArgument implements io.hakmem.budget.Workload {"
                            + " public NeedsArgument(int x) {} public void run(io.hakmem.budget.WorkloadContext c) {} }",
            "p/Outer.java",
                    "package p; public class Outer { public static class Inner implements"
                            + " io.hakmem.budget.Workload { public void run(io.hakmem.budget.WorkloadContext c) {} } }",
            "p/NotOne.java", "package p; public class NotOne implements Runnable { public void run() {} }",
            "p/Declares.java",
                    "package p; @Deprecated @io.hakmem.budget.WorkloadParameters({\"blocks\", \"size\"})"
                            + " public final class Declares implements io.hakmem.budget.Workload {"
                            + " public void run(io.hakmem.budget.WorkloadContext c) { c.parameter(\"blocks\", 1); } }");

    private CompiledWorkloads() {}

    /** @return the hakmem-allocator jar or classes directory on this test's classpath */
    static Path allocator() {
        URL resource = Objects.requireNonNull(
                CompiledWorkloads.class.getClassLoader().getResource(ForkProtocol.WORKLOADS_RESOURCE));
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI());
            }
            return Path.of(resource.toURI()).getParent().getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param directory where the sources and classes go
     * @return the directory with the compiled classes
     */
    static Path compile(Path directory) throws IOException {
        return compile(directory, SOURCES);
    }

    /**
     * @param directory where the sources and classes go
     * @param sourceFiles source text by path
     * @return the directory with the compiled classes
     */
    static Path compile(Path directory, Map<String, String> sourceFiles) throws IOException {
        Path sources = directory.resolve("src");
        Path classes = Files.createDirectories(directory.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of(
                "--release",
                "22",
                "-proc:none",
                "-d",
                classes.toString(),
                "-cp",
                allocator().toString()));
        for (Map.Entry<String, String> source : sourceFiles.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler compiler = Objects.requireNonNull(ToolProvider.getSystemJavaCompiler(), "tests need a JDK");
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with " + status);
        }
        return classes;
    }
}
