package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
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
        assertThat(lines.get(0)).startsWith("Budget     | Workload | ").endsWith("| vs baseline | Result");
        assertThat(lines.get(2))
                .matches("scaling-1M +\\| scaling +\\| +15\\.3 MiB \\| +19\\.1 MiB \\| +25 % \\| +50 % "
                        + "\\| +0 B \\| +2\\.0 MiB \\| +19\\.2 MiB \\| +19\\.1 MiB \\| +- \\| PASS");
        assertThat(lines.get(3)).contains("small <17>", "1.6 MiB", "23.4 %", "1 %", "8.0 KiB", "1000 B", "FAIL");
        assertThat(lines.stream().map(String::length).distinct()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theJsonReportCarriesRunInfoLimitsSpreadsBaselinesAndViolations() {
        String json = JsonReport.render(Fixtures.report(List.of(Fixtures.passing(), Fixtures.failing(), baselined())));
        Map<?, ?> root = (Map<?, ?>) Json.parse(json);

        assertThat(root.get("passed")).isEqualTo(false);
        assertThat(root.get("commit")).isEqualTo("3f2a9c1d0b7e");
        assertThat(root.get("host")).isEqualTo("ci-7");
        assertThat(root.get("date")).isEqualTo("2026-11-25T10:00:00Z");
        List<?> budgets = (List<?>) root.get("budgets");
        Map<?, ?> failing = (Map<?, ?>) budgets.get(1);
        assertThat(failing.get("status")).isEqualTo("FAIL");
        assertThat(failing.get("maxRetainedBytes")).isEqualTo(1000.0);
        assertThat(failing.get("violations"))
                .isEqualTo(List.of(
                        "budget 'small <17>': overhead 23.4 % > maxOverheadPercent 1 %",
                        "budget 'small <17>': retained 8.0 KiB > maxRetainedBytes 1000 B"));
        Map<?, ?> resident = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) budgets.get(2)).get("figures")).get("residentBytes");
        assertThat(resident.get("min")).isEqualTo(1_000_000.0);
        assertThat(resident.get("median")).isEqualTo(1_200_000.0);
        assertThat(resident.get("max")).isEqualTo(1_300_000.0);
        assertThat(resident.get("baseline")).isEqualTo(1_000_000.0);
        assertThat(resident.get("deltaPercent")).isEqualTo(20.0);
        assertThat(resident.get("limit")).isEqualTo(2_097_152.0);
    }

    /** Three runs, a resident limit and a baseline: resident 1.0, 1.2 and 1.3 MB against 1.0 MB. */
    static BudgetOutcome baselined() {
        BudgetSpec spec = new BudgetSpec(
                "tiny",
                "scaling",
                Map.of("blocks", "10"),
                Map.of(Figure.RESIDENT, 2_097_152.0, Figure.OVERHEAD, 0.5),
                Level.WARN,
                10.0);
        BudgetResult result = new BudgetResult(
                spec,
                List.of(
                        Fixtures.run(999_810, 1_300_000, 0),
                        Fixtures.run(999_810, 1_000_000, 0),
                        Fixtures.run(1_199_772, 1_200_000, 0)),
                null);
        Baseline baseline = new Baseline(
                "25",
                Map.of(
                        "tiny",
                        new Baseline.Entry(
                                "scaling",
                                Map.of("blocks", "10"),
                                Map.of(Figure.RESIDENT, 1_000_000.0, Figure.RETAINED, 0.0, Figure.OVERHEAD, 0.01))));
        return BudgetEvaluator.evaluate(result, baseline);
    }

    @Test
    void jsonStringsAreEscapedAndReadBack() {
        assertThat(Json.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(Json.parse(Json.string("a\"b\\c\nd\u0001"))).isEqualTo("a\"b\\c\nd\u0001");
        assertThat(Json.number(Double.NaN)).isEqualTo("null");
        assertThat(Json.number(12.0)).isEqualTo("12");
        assertThat(Json.parse("{\"a\": [1, -2.5e3, true, null, {}], \"b\": \"\\u00e9\"}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -2500.0, true, null, Map.of()), "b", "\u00e9"));
        assertThatThrownBy(() -> Json.parse("{\"a\": tru}"))
                .hasMessage("invalid JSON at offset 6: expected 'true', found 't'");
    }

    @Test
    void theBaselineRoundTripsAndAPartialRunUpdatesOnlyItsEntries() {
        Baseline first = Baseline.of(
                List.of(Fixtures.passing().result(), Fixtures.failing().result()), "25");
        Baseline again = Baseline.parse(first.render());

        assertThat(again.render()).isEqualTo(first.render());
        assertThat(again.entry("small <17>").value(Figure.OVERHEAD)).isEqualTo(23.362);
        assertThat(again.entry("scaling-1M").value(Figure.RESIDENT)).isEqualTo(20_000_000.0);
        assertThat(again.entry("scaling-1M").parameters()).isEqualTo(Map.of("blocks", "1000000"));
        Baseline updated = again.updatedWith(Baseline.of(List.of(baselined().result()), "26"));
        assertThat(updated.entries().keySet()).containsExactly("scaling-1M", "small <17>", "tiny");
        assertThat(updated.entry("tiny").value(Figure.RESIDENT)).isEqualTo(1_200_000.0);
        assertThatThrownBy(() -> Baseline.parse("[]")).hasMessageContaining("\"budgets\"");
    }

    @Test
    void theHtmlPageShowsEveryGatedFigureWithItsLimitBaselineAndSpread() throws Exception {
        BudgetReport report = Fixtures.report(List.of(Fixtures.passing(), Fixtures.failing(), baselined()));
        Document page = parse(HtmlReport.render(report));

        assertThat(text(page, "//dl[@id='run']")).contains("2026-11-25T10:00:00Z", "3f2a9c1d0b7e", "Java 25", "ci-7");
        assertThat(text(page, "//ul[@id='violations']/li[1]"))
                .isEqualTo("budget 'small <17>': overhead 23.4 % > maxOverheadPercent 1 %");
        assertThat(text(page, "//ul[@id='warnings']/li[1]"))
                .isEqualTo("budget 'tiny': resident 1.1 MiB is 20.0 % above the baseline 976.6 KiB"
                        + " > maxRegressionPercent 10 %");
        String tiny = "//section[@data-budget='tiny']";
        assertThat(text(page, tiny + "/p")).contains("blocks=10", "Level WARN", "maxRegressionPercent 10 %");
        for (Figure figure : Figure.values()) {
            String row = tiny + "//tr[@data-figure='" + figure.key() + "']";
            assertThat(count(page, row)).as(figure.key()).isEqualTo(1);
        }
        String resident = tiny + "//tr[@data-figure='residentBytes']";
        assertThat(text(page, resident + "/td[@class='median WARN']")).isEqualTo("1.1 MiB");
        assertThat(text(page, resident + "/td[@class='min']")).isEqualTo("976.6 KiB");
        assertThat(text(page, resident + "/td[@class='max']")).isEqualTo("1.2 MiB");
        assertThat(text(page, resident + "/td[@class='limit']")).isEqualTo("2.0 MiB");
        assertThat(text(page, resident + "/td[@class='baseline']")).isEqualTo("976.6 KiB");
        assertThat(text(page, resident + "/td[@class='delta']")).isEqualTo("+20.0 %");
        // The fixed axis: 0 to 200 % of the limit over 300 px, so the limit mark sits at 150 px.
        assertThat(attribute(page, resident + "//*[local-name()='line'][@class='limit']", "x1"))
                .isEqualTo("150.0");
        assertThat(attribute(page, resident + "//*[local-name()='rect']", "width"))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", 1_200_000 / (2.0 * 2_097_152) * 300));
        // A tiny nonzero overhead reads as itself, not 0, and still gets a visible bar.
        String overhead = tiny + "//tr[@data-figure='overheadPercent']";
        assertThat(text(page, overhead + "/td[@class='median']")).isEqualTo("0.019 %");
        assertThat(attribute(page, overhead + "//*[local-name()='rect']", "width"))
                .isEqualTo("5.7");
        assertThat(text(page, overhead + "/td[@class='baseline']")).isEqualTo("0.01 %");
        // A budget that failed only maxRetainedBytes shows the crossed figure in red, not a neutral 0.
        String retained = "//section[@data-budget='small <17>']//tr[@data-figure='retainedBytes']";
        assertThat(attribute(page, retained + "/td[2]", "class")).isEqualTo("median FAIL");
        assertThat(text(page, retained + "/td[@class='limit']")).isEqualTo("1000 B");
        assertThat(HtmlReport.render(report)).doesNotContain("<script", "src=", "href=");
    }

    @Test
    void barsStayOnTheAxisAndNonzeroValuesAreNeverInvisible() {
        assertThat(HtmlReport.barWidth(0, 100)).isZero();
        assertThat(HtmlReport.barWidth(0.0001, 100)).isEqualTo(HtmlReport.MIN_BAR);
        assertThat(HtmlReport.barWidth(50, 100)).isEqualTo(150.0);
        assertThat(HtmlReport.barWidth(500, 100)).isEqualTo(HtmlReport.BAR_WIDTH);
    }

    @Test
    void theJUnitXmlHasErrorsForCrashesFailuresForLimitsAndTheLimitsAsProperties() throws Exception {
        BudgetOutcome crashed = BudgetEvaluator.evaluate(new BudgetResult(
                Fixtures.spec("crash\uD800", "p.Direct", Map.of("seed", "4"), 1.0, null), List.of(), "boom \u0007"));
        String xml = JUnitXmlReport.render(
                Fixtures.report(List.of(Fixtures.passing(), Fixtures.failing(), baselined(), crashed)));

        Document document = parse(xml);
        Element suite = document.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(count(document, "//testcase[@name='scaling-1M']/*[self::failure or self::error]"))
                .isZero();
        assertThat(count(document, "//testcase[@name='small <17>']/failure")).isEqualTo(2);
        assertThat(attribute(document, "//testcase[@name='small <17>']/failure[1]", "message"))
                .isEqualTo("budget 'small <17>': overhead 23.4 % > maxOverheadPercent 1 %");
        assertThat(attribute(document, "//testcase[@name='small <17>']/failure[2]", "type"))
                .isEqualTo("maxRetainedBytes");
        // WARN passes for CI and says what it crossed.
        assertThat(count(document, "//testcase[@name='tiny']/*[self::failure or self::error]"))
                .isZero();
        assertThat(text(document, "//testcase[@name='tiny']/system-out"))
                .contains("WARN budget 'tiny': resident 1.1 MiB is 20.0 % above");
        // A lone surrogate and a control character cannot break the document.
        assertThat(attribute(document, "//testcase[4]", "name")).isEqualTo("crash\uFFFD");
        assertThat(attribute(document, "//testcase[4]/error", "message"))
                .isEqualTo("budget 'crash\uFFFD': workload failed: boom \uFFFD");
        assertThat(property(document, "budget.scaling-1M.parameter.blocks")).isEqualTo("1000000");
        assertThat(property(document, "budget.scaling-1M.maxRetainedBytes")).isEqualTo("2097152");
        assertThat(property(document, "budget.tiny.maxResidentBytes")).isEqualTo("2097152");
        assertThat(property(document, "budget.tiny.maxRegressionPercent")).isEqualTo("10");
        assertThat(property(document, "budget.tiny.level")).isEqualTo("WARN");
        assertThat(property(document, "commit")).isEqualTo("3f2a9c1d0b7e");
    }

    @Test
    void theJUnitXmlCanGoWhereCiLooks() throws IOException {
        Path ci = directory.resolve("surefire-reports");

        List<Path> files = ReportWriter.write(Fixtures.report(), directory.resolve("hakmem"), ci);

        assertThat(files.get(2)).isEqualTo(ci.resolve("TEST-hakmem-budgets.xml"));
        assertThat(ReportWriter.deleteStale(directory.resolve("hakmem"), ci)).hasSize(3);
        assertThat(Files.exists(files.get(2))).isFalse();
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document document, String path) throws Exception {
        return ((String) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.STRING)).strip();
    }

    static String attribute(Document document, String path, String name) throws Exception {
        Element element = (Element) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODE);
        assertThat(element).as(path).isNotNull();
        return element.getAttribute(name);
    }

    static int count(Document document, String path) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODESET))
                .getLength();
    }

    static String property(Document document, String name) throws Exception {
        return attribute(document, "//properties/property[@name='" + name + "']", "value");
    }

    @Test
    void theWriterWritesAllThreeFiles() throws IOException {
        List<Path> files = ReportWriter.write(Fixtures.report(), directory.resolve("hakmem"));

        assertThat(files)
                .extracting(path -> path.getFileName().toString())
                .containsExactly("budget-report.json", "budget-report.html", "TEST-hakmem-budgets.xml");
        for (Path file : files) {
            assertThat(Files.size(file)).isGreaterThan(200);
        }
    }

    @Test
    void aNewRunDeletesTheLastRunsReportsAndForkFilesButNothingElse() throws IOException {
        Path reports = ReportWriter.write(Fixtures.report(), directory.resolve("hakmem"))
                .get(0)
                .getParent();
        Files.writeString(reports.resolve("fork.log"), "old output");
        Files.writeString(reports.resolve("budget-results.properties"), "budgets=1");
        Files.writeString(reports.resolve("notes.txt"), "the user's");

        List<Path> deleted = ReportWriter.deleteStale(reports);

        assertThat(deleted)
                .extracting(path -> path.getFileName().toString())
                .containsExactly(
                        "budget-report.json",
                        "budget-report.html",
                        "TEST-hakmem-budgets.xml",
                        "fork.log",
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
        assertThat(Units.bytes(1_610_612_736L)).isEqualTo("1.5 GiB");
        assertThat(Units.percent(0.019)).isEqualTo("0.019 %");
        assertThat(Units.percent(0.00042)).isEqualTo("0.00042 %");
        assertThat(Units.percent(0.05)).isEqualTo("0.1 %");
        assertThat(Units.parseBytes("512KiB")).isEqualTo(524_288);
        assertThat(Units.parseBytes("2MiB")).isEqualTo(2_097_152);
        assertThat(Units.parseBytes("1.5GiB")).isEqualTo(1_610_612_736L);
        assertThat(Units.parseBytes(" 4096 ")).isEqualTo(4096);
        assertThat(Units.parseBytes("2 MiB")).isEqualTo(2_097_152);
        assertThatThrownBy(() -> Units.parseBytes("2MB"))
                .hasMessage("must be a byte count or a size such as 512KiB,"
                        + " 2MiB or 1.5GiB (binary units B, KiB, MiB, GiB, TiB), was '2MB'");
        // Never from a validated POM, but a table cell must not be what crashes the build.
        assertThat(Units.percent(Double.POSITIVE_INFINITY)).isEqualTo("inf %");
        assertThat(Units.percent(Double.NEGATIVE_INFINITY)).isEqualTo("-inf %");
    }
}
