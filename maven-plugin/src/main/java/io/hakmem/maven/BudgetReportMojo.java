package io.hakmem.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The budgets page of {@code mvn site}: reads the last {@code hakmem:budget} run's
 * {@code budget-report.json} and shows how it ran, each budget's verdict, and every figure with its
 * spread, limit, baseline and change. It runs no budget itself, so a site build stays fast; without
 * a run the page says how to make one.
 *
 * <pre>{@code
 * <reporting>
 *   <plugins>
 *     <plugin>
 *       <groupId>io.hakmem</groupId>
 *       <artifactId>hakmem-maven-plugin</artifactId>
 *       <reportSets><reportSet><reports><report>budget-report</report></reports></reportSet></reportSets>
 *     </plugin>
 *   </plugins>
 * </reporting>
 * }</pre>
 */
@NullMarked
@Mojo(name = "budget-report", threadSafe = true)
public class BudgetReportMojo extends AbstractMavenReport {

    /** Where {@code hakmem:budget} wrote its reports. */
    @Parameter(property = "hakmem.reportDirectory", defaultValue = "${project.build.directory}/hakmem")
    private File reportDirectory = new File("target/hakmem");

    /** Creates the report; Maven fills in the parameters. */
    public BudgetReportMojo() {}

    @Override
    public String getOutputPath() {
        return "hakmem-budgets";
    }

    /**
     * {@inheritDoc}
     *
     * @deprecated {@link #getOutputPath()} replaces it; the reporting API still declares this one
     *     abstract, and site plugins built on the older API call it
     */
    @Deprecated
    @Override
    public String getOutputName() {
        return getOutputPath();
    }

    @Override
    public String getName(Locale locale) {
        return "Memory budgets";
    }

    @Override
    public String getDescription(Locale locale) {
        return "hakmem memory budgets of the last hakmem:budget run: figures, limits and baseline.";
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        Path json = reportDirectory.toPath().resolve(ReportWriter.JSON);
        Sink sink = getSink();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(getName(locale));
        sink.sectionTitle1_();
        if (!Files.isRegularFile(json)) {
            paragraph(
                    sink,
                    "No budget run found at " + json + ". Run mvn verify (or mvn test-compile"
                            + " hakmem:budget) before mvn site.");
        } else {
            render(sink, read(json));
        }
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private static Map<?, ?> read(Path json) throws MavenReportException {
        try {
            if (Json.parse(Files.readString(json, StandardCharsets.UTF_8)) instanceof Map<?, ?> root) {
                return root;
            }
            throw new MavenReportException(json + " is not a hakmem budget report: expected an object");
        } catch (IOException | IllegalArgumentException e) {
            throw new MavenReportException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    private static void render(Sink sink, Map<?, ?> root) {
        paragraph(
                sink,
                "Verdict: " + (Boolean.TRUE.equals(root.get("passed")) ? "PASS" : "FAIL") + ". Run of "
                        + root.get("date") + " at commit " + or(root.get("commit"), "unknown") + " on Java "
                        + root.get("java")
                        + ", host " + root.get("host") + "; " + number(root.get("repeat"))
                        + " run(s) per budget, medians"
                        + " shown. Baseline: " + or(root.get("baselineFile"), "none") + ".");
        List<?> budgets = root.get("budgets") instanceof List<?> list ? list : List.of();
        for (Object item : budgets) {
            if (item instanceof Map<?, ?> budget) {
                budget(sink, budget);
            }
        }
    }

    private static void budget(Sink sink, Map<?, ?> budget) {
        sink.section2();
        sink.sectionTitle2();
        sink.text(budget.get("name") + " (" + budget.get("workload") + "): " + budget.get("status"));
        sink.sectionTitle2_();
        paragraph(
                sink,
                "Parameters: " + budget.get("parameters") + ". Level " + budget.get("level") + ", maxRegressionPercent "
                        + or(budget.get("maxRegressionPercent"), "none") + ".");
        if (budget.get("violations") instanceof List<?> violations && !violations.isEmpty()) {
            sink.list();
            for (Object violation : violations) {
                sink.listItem();
                sink.text(String.valueOf(violation));
                sink.listItem_();
            }
            sink.list_();
        }
        sink.table();
        sink.tableRows();
        row(sink, true, List.of("Figure", "Median", "Min", "Max", "Limit", "Baseline", "vs baseline"));
        Map<?, ?> figures = budget.get("figures") instanceof Map<?, ?> map ? map : Map.of();
        for (Figure figure : Figure.values()) {
            if (figures.get(figure.key()) instanceof Map<?, ?> values) {
                row(
                        sink,
                        false,
                        List.of(
                                figure.label(),
                                value(figure, values.get("median")),
                                value(figure, values.get("min")),
                                value(figure, values.get("max")),
                                values.get("limit") == null ? "none" : value(figure, values.get("limit")),
                                value(figure, values.get("baseline")),
                                delta(values.get("deltaPercent"))));
            }
        }
        sink.tableRows_();
        sink.table_();
        sink.section2_();
    }

    private static String value(Figure figure, @Nullable Object value) {
        return value instanceof Double number ? figure.format(number) : "n/a";
    }

    private static String delta(@Nullable Object value) {
        return value instanceof Double number ? ConsoleTable.signed(number) : "-";
    }

    private static String number(@Nullable Object value) {
        return value instanceof Double number ? Units.number(number) : "?";
    }

    private static String or(@Nullable Object value, String otherwise) {
        return value == null ? otherwise : String.valueOf(value);
    }

    private static void row(Sink sink, boolean header, List<String> cells) {
        sink.tableRow();
        for (String cell : cells) {
            if (header) {
                sink.tableHeaderCell();
                sink.text(cell);
                sink.tableHeaderCell_();
            } else {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
        }
        sink.tableRow_();
    }

    private static void paragraph(Sink sink, String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }
}
