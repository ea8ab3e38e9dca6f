package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {

    @TempDir
    Path directory;

    @Test
    void theConsoleTableHasOneAlignedRowPerBudget() {
        List<String> lines = ConsoleTable.render(Fixtures.report());

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Budget     | Workload | ").endsWith("| Result");
        assertThat(lines.get(2)).matches("scaling-1M +\\| scaling +\\| +15\\.3 MiB \\| +19\\.1 MiB \\| +25 % \\| +50 % "
                + "\\| +0 B \\| +2\\.0 MiB \\| +19\\.2 MiB \\| PASS");
        assertThat(lines.get(3)).contains("small <17>", "1.6 MiB", "23.4 %", "1 %", "8.0 KiB", "1000 B", "FAIL");
        assertThat(lines.stream().map(String::length).distinct()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theJsonReportCarriesLimitsFiguresRunsAndViolations() {
        String json = JsonReport.render(Fixtures.report());

        assertThat(json).contains("\"passed\": false", "\"repeat\": 1", "\"java\": \"25\"",
                "\"name\": \"scaling-1M\"", "\"maxOverheadPercent\": 50", "\"maxRetainedBytes\": 2097152",
                "\"liveBytes\": 16000000", "\"residentBytes\": 20000000", "\"overheadPercent\": 25",
                "\"retainedBytes\": 0", "\"parameters\": {\"blocks\": \"1000000\"}",
                "\"violations\": [\"budget 'small <17>': overhead 23.4 % > maxOverheadPercent 1 %\", "
                        + "\"budget 'small <17>': retained 8192 B > maxRetainedBytes 1000 B\"]",
                "\"overheadPercent\": 23.362");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(Json.number(Double.NaN)).isEqualTo("null");
        assertThat(Json.number(12.0)).isEqualTo("12");
    }

    @Test
    void theHtmlPageIsSelfContainedWithABarAndALimitMarkPerBudget() {
        String html = HtmlReport.render(Fixtures.report());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "FAIL", "small &lt;17&gt;",
                "budget &#39;small &lt;17&gt;&#39;: overhead 23.4 % &gt; maxOverheadPercent 1 %");
        assertThat(html).doesNotContain("<script", "src=", "href=");
        assertThat(html.split("<rect ", -1)).hasSize(3);
        assertThat(html.split("<line ", -1)).hasSize(3);
        // 25 % against a scale of ceil(50 * 1.1) = 55 % over a 520 px bar area.
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "width=\"%.1f\"", 25.0 / 55 * 520));
    }

    @Test
    void theJUnitXmlParsesWithOneTestCasePerBudgetAndOneFailurePerViolation() throws Exception {
        String xml = JUnitXmlReport.render(Fixtures.report());

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = document.getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        NodeList failures = ((Element) cases.item(1)).getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2);
        assertThat(((Element) failures.item(0)).getAttribute("message"))
                .isEqualTo("budget 'small <17>': overhead 23.4 % > maxOverheadPercent 1 %");
        assertThat(((Element) failures.item(1)).getAttribute("type")).isEqualTo("maxRetainedBytes");
    }

    @Test
    void theWriterWritesAllThreeFiles() throws IOException {
        List<Path> files = ReportWriter.write(Fixtures.report(), directory.resolve("hakmem"));

        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("budget-report.json", "budget-report.html", "TEST-hakmem-budgets.xml");
        for (Path file : files) {
            assertThat(Files.size(file)).isGreaterThan(200);
        }
    }

    @Test
    void aNewRunDeletesTheLastRunsReportsAndForkFilesButNothingElse() throws IOException {
        Path reports = ReportWriter.write(Fixtures.report(), directory.resolve("hakmem")).get(0).getParent();
        Files.writeString(reports.resolve("fork.log"), "old output");
        Files.writeString(reports.resolve("budget-results.properties"), "budgets=1");
        Files.writeString(reports.resolve("notes.txt"), "the user's");

        List<Path> deleted = ReportWriter.deleteStale(reports);

        assertThat(deleted).extracting(path -> path.getFileName().toString()).containsExactly(
                "budget-report.json", "budget-report.html", "TEST-hakmem-budgets.xml", "fork.log",
                "budget-results.properties");
        try (var left = Files.list(reports)) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly("notes.txt");
        }
        assertThat(ReportWriter.deleteStale(directory.resolve("missing"))).isEmpty();
    }

    @Test
    void unitsReadWell() {
        assertThat(Units.percent(12.44)).isEqualTo("12.4 %");
        assertThat(Units.percent(10)).isEqualTo("10 %");
        assertThat(Units.percent(Double.NaN)).isEqualTo("n/a %".replace(" %", "") + " %");
        assertThat(Units.bytes(1023)).isEqualTo("1023 B");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Units.bytes(16_000_000)).isEqualTo("15.3 MiB");
        assertThat(Units.bytes(-1)).isEqualTo("n/a");
        // Never from a validated POM, but a table cell must not be what crashes the build.
        assertThat(Units.percent(Double.POSITIVE_INFINITY)).isEqualTo("inf %");
        assertThat(Units.percent(Double.NEGATIVE_INFINITY)).isEqualTo("-inf %");
    }
}
