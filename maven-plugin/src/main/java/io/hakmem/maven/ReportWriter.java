package io.hakmem.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * Writes the three report files, pass or fail, and clears those of an earlier run first.
 *
 * <pre>{@code
 * ReportWriter.deleteStale(Path.of("target/hakmem"));
 * // ... run the budgets ...
 * List<Path> files = ReportWriter.write(report, Path.of("target/hakmem"));
 * }</pre>
 */
@NullMarked
public final class ReportWriter {

    /** The JSON report's file name. */
    public static final String JSON = "budget-report.json";
    /** The HTML report's file name. */
    public static final String HTML = "budget-report.html";
    /** The JUnit XML report's file name; Surefire's {@code TEST-} prefix lets CI servers pick it up. */
    public static final String JUNIT_XML = "TEST-hakmem-budgets.xml";

    private ReportWriter() {}

    /**
     * Writes the JSON, HTML and JUnit XML reports.
     *
     * @param report the budgets
     * @param directory created if missing
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public static List<Path> write(BudgetReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = Files.writeString(directory.resolve(JSON), JsonReport.render(report), StandardCharsets.UTF_8);
        Path html = Files.writeString(directory.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
        Path xml = Files.writeString(directory.resolve(JUNIT_XML), JUnitXmlReport.render(report),
                StandardCharsets.UTF_8);
        return List.of(json, html, xml);
    }

    /**
     * Deletes the reports and fork files of an earlier run. A run that ends before writing its own
     * must not leave the last run's behind: CI would read a green {@code TEST-hakmem-budgets.xml}
     * next to a failed build.
     *
     * @param directory the report directory; need not exist
     * @return the files deleted
     * @throws IOException if one cannot be deleted
     */
    public static List<Path> deleteStale(Path directory) throws IOException {
        List<Path> deleted = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(JSON, HTML, JUNIT_XML));
        names.addAll(ForkedRunner.WORK_FILES);
        for (String name : names) {
            Path file = directory.resolve(name);
            if (Files.deleteIfExists(file)) {
                deleted.add(file);
            }
        }
        return deleted;
    }
}
