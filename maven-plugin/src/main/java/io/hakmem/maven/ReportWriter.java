package io.hakmem.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * Writes the three report files, pass or fail, and clears those of an earlier run first. The JUnit
 * XML may go to a directory of its own, where a CI server already looks.
 *
 * <pre>{@code
 * ReportWriter.deleteStale(Path.of("target/hakmem"), Path.of("target/surefire-reports"));
 * // ... run the budgets ...
 * List<Path> files = ReportWriter.write(report, Path.of("target/hakmem"), Path.of("target/surefire-reports"));
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
     * Writes the JSON, HTML and JUnit XML reports into one directory.
     *
     * @param report the budgets
     * @param directory created if missing
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public static List<Path> write(BudgetReport report, Path directory) throws IOException {
        return write(report, directory, directory);
    }

    /**
     * Writes the JSON and HTML reports into one directory and the JUnit XML into another.
     *
     * @param report the budgets
     * @param directory for JSON and HTML; created if missing
     * @param junitDirectory for the JUnit XML; created if missing
     * @return the files written
     * @throws IOException if one cannot be written
     */
    public static List<Path> write(BudgetReport report, Path directory, Path junitDirectory) throws IOException {
        Files.createDirectories(directory);
        Files.createDirectories(junitDirectory);
        Path json = Files.writeString(directory.resolve(JSON), JsonReport.render(report), StandardCharsets.UTF_8);
        Path html = Files.writeString(directory.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
        Path xml = Files.writeString(
                junitDirectory.resolve(JUNIT_XML), JUnitXmlReport.render(report), StandardCharsets.UTF_8);
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
        return deleteStale(directory, directory);
    }

    /**
     * Deletes the reports and fork files of an earlier run, the JUnit XML from its own directory.
     *
     * @param directory the report directory; need not exist
     * @param junitDirectory the JUnit XML's directory; need not exist
     * @return the files deleted
     * @throws IOException if one cannot be deleted
     */
    public static List<Path> deleteStale(Path directory, Path junitDirectory) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!junitDirectory.equals(directory) && Files.deleteIfExists(junitDirectory.resolve(JUNIT_XML))) {
            deleted.add(junitDirectory.resolve(JUNIT_XML));
        }
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
