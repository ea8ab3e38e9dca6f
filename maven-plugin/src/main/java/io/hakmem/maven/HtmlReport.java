package io.hakmem.maven;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * {@code budget-report.html}: one self-contained page (no scripts, no external files) with an
 * inline SVG bar chart of each budget's overhead against its limit, the table, and the violations.
 *
 * <pre>{@code
 * Files.writeString(directory.resolve("budget-report.html"), HtmlReport.render(report));
 * }</pre>
 */
@NullMarked
public final class HtmlReport {

    private static final int LABEL_WIDTH = 180;
    private static final int BAR_AREA = 520;
    private static final int ROW_HEIGHT = 34;
    private static final String PASS_COLOUR = "#2e7d32";
    private static final String FAIL_COLOUR = "#c62828";

    private HtmlReport() {}

    /**
     * Renders the budgets as a self-contained HTML page.
     *
     * @param report the budgets
     * @return the HTML page
     */
    public static String render(BudgetReport report) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<title>hakmem memory budgets</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "td:first-child,td:nth-child(2),th{text-align:left}.PASS{color:" + PASS_COLOUR + "}"
                + ".FAIL{color:" + FAIL_COLOUR + ";font-weight:bold}\n</style>\n</head>\n<body>\n"
                + "<h1>hakmem memory budgets: " + (report.passed() ? "PASS" : "FAIL") + "</h1>\n"
                + "<p>Overhead is resident over live bytes at each workload's peak, the median of "
                + report.repeat() + " run(s) on Java " + Xml.escape(report.javaVersion())
                + ". Bars show the overhead; the black mark is the limit.</p>\n"
                + chart(report.outcomes()) + table(report) + violations(report) + "</body>\n</html>\n";
    }

    static String chart(List<BudgetOutcome> outcomes) {
        double scale = scaleOf(outcomes);
        int height = ROW_HEIGHT * outcomes.size() + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " role=\"img\" aria-label=\"overhead per budget against its limit\">\n",
                LABEL_WIDTH + BAR_AREA + 90, height));
        for (int i = 0; i < outcomes.size(); i++) {
            bar(svg, outcomes.get(i), i * ROW_HEIGHT + 6, scale);
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\">0 %%</text><text x=\"%d\" y=\"%d\" font-size=\"11\""
                        + " text-anchor=\"end\">%s</text>\n",
                LABEL_WIDTH, height - 6, LABEL_WIDTH + BAR_AREA, height - 6, Xml.escape(Units.percent(scale))));
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, BudgetOutcome outcome, int y, double scale) {
        BudgetSpec spec = outcome.result().spec();
        double overhead = outcome.result().overheadPercent();
        String colour = outcome.passed() ? PASS_COLOUR : FAIL_COLOUR;
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>\n", y + 16,
                Xml.escape(spec.name())));
        double width = Double.isNaN(overhead) ? 0 : Math.max(0, overhead) / scale * BAR_AREA;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\">"
                + "<title>%s</title></rect>\n", LABEL_WIDTH, y, width, colour,
                Xml.escape(spec.name() + ": " + Units.percent(overhead))));
        if (spec.maxOverheadPercent() != null) {
            double x = LABEL_WIDTH + spec.maxOverheadPercent() / scale * BAR_AREA;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\""
                    + " stroke-width=\"3\"><title>limit %s</title></line>\n", x, y - 3, x, y + 25,
                    Xml.escape(Units.percent(spec.maxOverheadPercent()))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>\n",
                LABEL_WIDTH + width + 6, y + 16, Xml.escape(Units.percent(overhead))));
    }

    /** The chart's right edge: a little past the largest overhead or limit, at least 10 %. */
    static double scaleOf(List<BudgetOutcome> outcomes) {
        double max = 10;
        for (BudgetOutcome outcome : outcomes) {
            double overhead = outcome.result().overheadPercent();
            if (!Double.isNaN(overhead)) {
                max = Math.max(max, overhead);
            }
            Double limit = outcome.result().spec().maxOverheadPercent();
            if (limit != null) {
                max = Math.max(max, limit);
            }
        }
        return Math.ceil(max * 11 / 10);
    }

    private static String table(BudgetReport report) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        ConsoleTable.HEADER.forEach(cell -> html.append("<th>").append(Xml.escape(cell)).append("</th>"));
        html.append("</tr>\n");
        for (BudgetOutcome outcome : report.outcomes()) {
            List<String> row = ConsoleTable.row(outcome);
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cssClass = i == row.size() - 1 ? " class=\"" + row.get(i) + "\"" : "";
                html.append("<td").append(cssClass).append('>').append(Xml.escape(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String violations(BudgetReport report) {
        if (report.passed()) {
            return "<p class=\"PASS\">Every budget is within its limits.</p>\n";
        }
        StringBuilder html = new StringBuilder("<h2>Violations</h2>\n<ul>\n");
        report.violations().forEach(v -> html.append("<li class=\"FAIL\">").append(Xml.escape(v.message()))
                .append("</li>\n"));
        return html.append("</ul>\n").toString();
    }
}
