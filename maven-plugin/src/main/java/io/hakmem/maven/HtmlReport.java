package io.hakmem.maven;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * {@code budget-report.html}: one self-contained page (no scripts, no external files), well-formed
 * XML so that tools can parse it. It shows how the run was made (date, commit, JDK, host), the
 * summary table, the violations, and per budget its parameters and every figure with its spread
 * over the runs, its limit, its baseline and the change, each with a bar on a fixed axis.
 *
 * <p>The axis is the same for every figure and every run: 0 to {@value #AXIS_PERCENT} % of the
 * figure's limit (or of its baseline when it has no limit), with the limit at the middle, so a
 * page read today compares with last week's. A value past the axis end is drawn to the end with
 * an arrow; a nonzero value always gets a visible bar.
 *
 * <pre>{@code
 * Files.writeString(directory.resolve("budget-report.html"), HtmlReport.render(report));
 * }</pre>
 */
@NullMarked
public final class HtmlReport {

    /** The axis end, in percent of the reference (the limit, else the baseline). */
    static final int AXIS_PERCENT = 200;
    /** The bar area's width in pixels. */
    static final int BAR_WIDTH = 300;
    /** The least width of a nonzero bar, so that it never looks like zero. */
    static final double MIN_BAR = 2;

    private static final String PASS_COLOUR = "#2e7d32";
    private static final String WARN_COLOUR = "#ef6c00";
    private static final String FAIL_COLOUR = "#c62828";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1em}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:right}th{text-align:left;background:#f4f4f4}td.text{text-align:left}"
            + ".PASS{color:" + PASS_COLOUR + "}.WARN{color:" + WARN_COLOUR + "}.FAIL,.ERROR{color:" + FAIL_COLOUR
            + ";font-weight:bold}dt{font-weight:bold;float:left;clear:left;width:9em}dd{margin-left:10em}";

    private HtmlReport() {}

    /**
     * Renders the budgets as a self-contained HTML page.
     *
     * @param report the budgets
     * @return the HTML page, well-formed XML
     */
    public static String render(BudgetReport report) {
        return Xml.document("HTML report", html -> {
            html.writeDTD("<!DOCTYPE html>");
            html.writeCharacters("\n");
            html.writeStartElement("html");
            html.writeAttribute("lang", "en");
            html.writeStartElement("head");
            html.writeEmptyElement("meta");
            html.writeAttribute("charset", "UTF-8");
            element(html, "title", "hakmem memory budgets");
            element(html, "style", STYLE);
            html.writeEndElement();
            html.writeCharacters("\n");
            html.writeStartElement("body");
            String verdict = report.passed() ? "PASS" : "FAIL";
            html.writeStartElement("h1");
            html.writeCharacters("hakmem memory budgets: ");
            element(html, "span", verdict, "class", verdict);
            html.writeEndElement();
            runInfo(html, report);
            element(
                    html,
                    "p",
                    "Figures are the median of " + report.repeat() + " run(s); min and max give the"
                            + " spread. Overhead is resident over live bytes at the workload's peak. Bars run from 0 to "
                            + AXIS_PERCENT
                            + " % of the limit (of the baseline where there is no limit); the black mark is"
                            + " the limit, the grey one the baseline.");
            summary(html, report);
            list(
                    html,
                    "Violations",
                    report.failures().stream().map(Violation::message).toList(),
                    "FAIL");
            list(
                    html,
                    "Warnings",
                    report.warnings().stream().map(Violation::message).toList(),
                    "WARN");
            list(html, "Notes", report.notes(), "note");
            for (BudgetOutcome outcome : report.outcomes()) {
                budget(html, outcome);
            }
            html.writeEndElement();
            html.writeEndElement();
            html.writeCharacters("\n");
        });
    }

    private static void runInfo(XMLStreamWriter html, BudgetReport report) throws XMLStreamException {
        RunInfo info = report.info();
        html.writeStartElement("dl");
        html.writeAttribute("id", "run");
        definition(html, "Date", info.date());
        definition(html, "Commit", info.commit() == null ? "unknown (no git)" : info.commit());
        definition(html, "JDK", "Java " + info.javaVersion());
        definition(html, "Host", info.host());
        definition(html, "Runs", Integer.toString(info.repeat()) + " per budget");
        definition(html, "Baseline", info.baselineFile() == null ? "none" : info.baselineFile());
        html.writeEndElement();
    }

    private static void summary(XMLStreamWriter html, BudgetReport report) throws XMLStreamException {
        html.writeStartElement("table");
        html.writeAttribute("id", "summary");
        html.writeStartElement("tr");
        for (String cell : ConsoleTable.HEADER) {
            element(html, "th", cell);
        }
        html.writeEndElement();
        for (BudgetOutcome outcome : report.outcomes()) {
            List<String> row = ConsoleTable.row(outcome);
            html.writeStartElement("tr");
            for (int i = 0; i < row.size(); i++) {
                boolean last = i == row.size() - 1;
                element(html, "td", row.get(i), "class", last ? "text " + row.get(i) : i < 2 ? "text" : "number");
            }
            html.writeEndElement();
        }
        html.writeEndElement();
    }

    private static void list(XMLStreamWriter html, String title, List<String> lines, String cssClass)
            throws XMLStreamException {
        if (lines.isEmpty()) {
            return;
        }
        element(html, "h2", title);
        html.writeStartElement("ul");
        html.writeAttribute("id", title.toLowerCase(Locale.ROOT));
        for (String line : lines) {
            element(html, "li", line, "class", cssClass);
        }
        html.writeEndElement();
    }

    private static void budget(XMLStreamWriter html, BudgetOutcome outcome) throws XMLStreamException {
        BudgetResult result = outcome.result();
        BudgetSpec spec = result.spec();
        html.writeStartElement("section");
        html.writeAttribute("class", "budget");
        html.writeAttribute("data-budget", Xml.clean(spec.name()));
        html.writeStartElement("h2");
        html.writeCharacters(Xml.clean(spec.name() + " (" + spec.workload() + "): "));
        element(html, "span", outcome.status().name(), "class", outcome.status().name());
        html.writeEndElement();
        Map<String, String> parameters = new TreeMap<>(spec.parameters());
        element(
                html,
                "p",
                "Parameters: "
                        + (parameters.isEmpty()
                                ? "none (the workload's defaults)"
                                : parameters.toString().replaceAll("[{}]", ""))
                        + ". Level " + spec.level()
                        + (spec.maxRegressionPercent() == null
                                ? ""
                                : ", maxRegressionPercent " + Units.percent(spec.maxRegressionPercent()))
                        + "."
                        + (result.error() == null ? "" : " Failed: " + result.error()));
        html.writeStartElement("table");
        html.writeAttribute("class", "figures");
        html.writeStartElement("tr");
        for (String cell : List.of("Figure", "Median", "Min", "Max", "Limit", "Baseline", "vs baseline", "Chart")) {
            element(html, "th", cell);
        }
        html.writeEndElement();
        for (Figure figure : Figure.values()) {
            figureRow(html, outcome, figure);
        }
        html.writeEndElement();
        html.writeEndElement();
        html.writeCharacters("\n");
    }

    private static void figureRow(XMLStreamWriter html, BudgetOutcome outcome, Figure figure)
            throws XMLStreamException {
        Spread spread = outcome.result().spread(figure);
        Double limit = outcome.result().spec().limit(figure);
        double baseline =
                outcome.baseline() == null ? Double.NaN : outcome.baseline().value(figure);
        // The violation names its figure: no matching of the message's text.
        boolean crossed = outcome.violations().stream().anyMatch(v -> v.figure() == figure);
        html.writeStartElement("tr");
        html.writeAttribute("data-figure", figure.key());
        element(html, "td", figure.label(), "class", "text");
        element(
                html,
                "td",
                figure.format(spread.median()),
                "class",
                crossed ? "median " + failClass(outcome) : "median");
        element(html, "td", figure.format(spread.min()), "class", "min");
        element(html, "td", figure.format(spread.max()), "class", "max");
        element(html, "td", limit == null ? "none" : figure.format(limit), "class", "limit");
        element(html, "td", figure.format(baseline), "class", "baseline");
        element(html, "td", ConsoleTable.signed(outcome.deltaPercent(figure)), "class", "delta");
        html.writeStartElement("td");
        html.writeAttribute("class", "chart");
        bar(html, figure, spread.median(), limit, baseline, crossed ? failColour(outcome) : PASS_COLOUR);
        html.writeEndElement();
        html.writeEndElement();
    }

    private static String failClass(BudgetOutcome outcome) {
        return outcome.status() == Status.WARN ? "WARN" : "FAIL";
    }

    private static String failColour(BudgetOutcome outcome) {
        return outcome.status() == Status.WARN ? WARN_COLOUR : FAIL_COLOUR;
    }

    /** One figure's bar: the axis is a fixed multiple of its limit, or of its baseline without one. */
    private static void bar(
            XMLStreamWriter html, Figure figure, double value, @Nullable Double limit, double baseline, String colour)
            throws XMLStreamException {
        double reference =
                limit != null && limit > 0 ? limit : !Double.isNaN(baseline) && baseline > 0 ? baseline : Double.NaN;
        if (Double.isNaN(reference) || Double.isNaN(value)) {
            html.writeCharacters(Double.isNaN(value) ? "not measured" : "no limit or baseline to draw against");
            return;
        }
        double axisEnd = reference * AXIS_PERCENT / 100.0;
        html.writeStartElement("svg");
        html.writeDefaultNamespace("http://www.w3.org/2000/svg");
        html.writeAttribute("width", Integer.toString(BAR_WIDTH + 20));
        html.writeAttribute("height", "22");
        html.writeAttribute("role", "img");
        html.writeAttribute(
                "aria-label", figure.label() + " " + figure.format(value) + " on an axis to " + figure.format(axisEnd));
        double width = barWidth(value, axisEnd);
        html.writeEmptyElement("rect");
        html.writeAttribute("x", "0");
        html.writeAttribute("y", "4");
        html.writeAttribute("width", px(width));
        html.writeAttribute("height", "14");
        html.writeAttribute("fill", colour);
        if (value > axisEnd) {
            html.writeStartElement("text");
            html.writeAttribute("x", Integer.toString(BAR_WIDTH + 4));
            html.writeAttribute("y", "16");
            html.writeAttribute("font-size", "12");
            html.writeCharacters("\u25B6");
            html.writeEndElement();
        }
        if (!Double.isNaN(baseline)) {
            mark(html, "baseline", Math.min(BAR_WIDTH, baseline / axisEnd * BAR_WIDTH), "#888");
        }
        if (limit != null) {
            mark(html, "limit", Math.min(BAR_WIDTH, limit / axisEnd * BAR_WIDTH), "#000");
        }
        html.writeEndElement();
    }

    /**
     * A bar's width on the fixed axis.
     *
     * @param value the figure
     * @param axisEnd the value at the axis end
     * @return the width in pixels: clipped at the axis end, at least {@value #MIN_BAR} when nonzero
     */
    static double barWidth(double value, double axisEnd) {
        if (value <= 0) {
            return 0;
        }
        return Math.max(MIN_BAR, Math.min(BAR_WIDTH, value / axisEnd * BAR_WIDTH));
    }

    private static void mark(XMLStreamWriter html, String kind, double x, String colour) throws XMLStreamException {
        html.writeEmptyElement("line");
        html.writeAttribute("class", kind);
        html.writeAttribute("x1", px(x));
        html.writeAttribute("x2", px(x));
        html.writeAttribute("y1", "0");
        html.writeAttribute("y2", "22");
        html.writeAttribute("stroke", colour);
        html.writeAttribute("stroke-width", "2");
    }

    private static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void definition(XMLStreamWriter html, String term, String value) throws XMLStreamException {
        element(html, "dt", term);
        element(html, "dd", value);
    }

    private static void element(XMLStreamWriter html, String name, String text) throws XMLStreamException {
        html.writeStartElement(name);
        html.writeCharacters(Xml.clean(text));
        html.writeEndElement();
    }

    private static void element(XMLStreamWriter html, String name, String text, String attribute, String value)
            throws XMLStreamException {
        html.writeStartElement(name);
        html.writeAttribute(attribute, Xml.clean(value));
        html.writeCharacters(Xml.clean(text));
        html.writeEndElement();
    }
}
