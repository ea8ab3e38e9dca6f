package io.hakmem.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples compile against the modules as published, and the ones that are
 * plain statements run. Every {@code ```java} block counts: an illustration that is not meant to
 * compile must use another fence (e.g. {@code ```text}).
 */
class ReadmeExamplesTest {

    @TempDir
    static Path out;

    private static List<JavaBlock> blocks;
    private static List<Diagnostic<? extends JavaFileObject>> diagnostics;

    @BeforeAll
    static void compileAll() throws IOException {
        Path readme = Path.of(System.getProperty("hakmem.readme", "../../README.md"));
        blocks = JavaBlock.parse(Files.readString(readme));
        Path src = out.resolve("src");
        List<Path> files = new ArrayList<>();
        for (JavaBlock block : blocks) {
            Path file = src.resolve(block.packageName().replace('.', '/')).resolve(block.typeName() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.source());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-d",
                    out.resolve("classes").toString(),
                    "-proc:none",
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-Xlint:all");
            javac.getTask(null, fm, collector, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
        }
        diagnostics = collector.getDiagnostics();
    }

    @Test
    void theReadmeHasJavaExamplesForEveryModule() {
        String all = String.join("\n", blocks.stream().map(JavaBlock::code).toList());
        assertThat(blocks).as("```java blocks in README.md").hasSizeGreaterThanOrEqualTo(4);
        assertThat(all)
                .contains(
                        "HakmemArena.create()",
                        "HakmemConfig.builder()",
                        "@InjectArena",
                        "HakmemArena.global()",
                        "detectUseAfterFree(true)",
                        "implements Workload");
    }

    @Test
    void everyJavaExampleCompiles() {
        List<String> errors = diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(ReadmeExamplesTest::describe)
                .toList();
        assertThat(errors).as("compile errors in README.md's ```java blocks").isEmpty();
    }

    @Test
    void examplesMadeOfStatementsRun() throws Exception {
        List<JavaBlock> runnable =
                blocks.stream().filter(JavaBlock::isStatements).toList();
        assertThat(runnable).as("blocks of plain statements").isNotEmpty();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {out.resolve("classes").toUri().toURL()}, getClass().getClassLoader())) {
            for (JavaBlock block : runnable) {
                Method run = loader.loadClass(block.packageName() + ".Snippet").getMethod("run");
                run.invoke(null);
            }
        }
    }

    /** Names the README line of a diagnostic, not the generated file's. */
    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "?" : d.getSource().getName();
        JavaBlock block = blocks.stream()
                .filter(b -> file.contains("/" + b.packageName().replace('.', '/') + "/"))
                .findFirst()
                .orElse(null);
        String where = block == null ? file : "README.md block " + block.index() + " (line " + block.line() + ")";
        return where + ": " + d.getMessage(Locale.ROOT) + "\n" + (block == null ? "" : block.source());
    }
}
