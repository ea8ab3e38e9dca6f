package io.hakmem.maven;

import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * {@code TEST-hakmem-budgets.xml}: the budgets in the JUnit XML format that CI servers already read
 * for Surefire results. One test case per budget, one {@code <failure>} per violation.
 *
 * <pre>{@code
 * Files.writeString(directory.resolve("TEST-hakmem-budgets.xml"), JUnitXmlReport.render(report));
 * }</pre>
 */
@NullMarked
public final class JUnitXmlReport {

    /** The suite name, and the class name of every test case. */
    public static final String SUITE = "hakmem.budgets";

    private JUnitXmlReport() {}

    /**
     * Renders the budgets as a JUnit XML report, one failure per violated budget.
     *
     * @param report the budgets
     * @return the XML document
     */
    public static String render(BudgetReport report) {
        long failed = report.outcomes().stream().filter(outcome -> !outcome.passed()).count();
        double totalSeconds = report.outcomes().stream().mapToDouble(JUnitXmlReport::seconds).sum();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(SUITE).append("\" tests=\"").append(report.outcomes().size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(time(totalSeconds)).append("\">\n");
        xml.append("  <properties>\n");
        property(xml, "repeat", Integer.toString(report.repeat()));
        property(xml, "java.version", report.javaVersion());
        xml.append("  </properties>\n");
        report.outcomes().forEach(outcome -> testCase(xml, outcome));
        return xml.append("</testsuite>\n").toString();
    }

    private static void testCase(StringBuilder xml, BudgetOutcome outcome) {
        xml.append("  <testcase classname=\"").append(SUITE).append("\" name=\"")
                .append(Xml.escape(outcome.result().spec().name())).append("\" time=\"")
                .append(time(seconds(outcome))).append("\">\n");
        for (Violation violation : outcome.violations()) {
            xml.append("    <failure type=\"").append(Xml.escape(violation.limitName())).append("\" message=\"")
                    .append(Xml.escape(violation.message())).append("\">").append(Xml.escape(violation.message()))
                    .append("</failure>\n");
        }
        xml.append("    <system-out>").append(Xml.escape(summary(outcome))).append("</system-out>\n");
        xml.append("  </testcase>\n");
    }

    private static String summary(BudgetOutcome outcome) {
        return String.join(" | ", ConsoleTable.HEADER) + "\n" + String.join(" | ", ConsoleTable.row(outcome));
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"").append(Xml.escape(name)).append("\" value=\"").append(Xml.escape(value))
                .append("\"/>\n");
    }

    private static double seconds(BudgetOutcome outcome) {
        return outcome.result().runs().stream().mapToLong(RunFigures::elapsedNanos).sum() / 1e9;
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
