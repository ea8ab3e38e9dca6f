package io.hakmem.maven;

import io.hakmem.budget.fork.RunFigures;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.NullMarked;

/**
 * {@code TEST-hakmem-budgets.xml}: the budgets in the JUnit XML format that CI servers already read
 * for Surefire results. One test case per budget; a crashed workload is an {@code <error>}, a
 * crossed limit or regression of a FAIL budget a {@code <failure>}; a WARN budget passes and lists
 * what it crossed in its output. The suite's properties carry each budget's parameters and limits.
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
     * Renders the budgets as a JUnit XML report.
     *
     * @param report the budgets
     * @return the XML document
     */
    public static String render(BudgetReport report) {
        return Xml.document("JUnit XML report", xml -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", Integer.toString(report.outcomes().size()));
            xml.writeAttribute("failures", Long.toString(count(report, Status.FAIL)));
            xml.writeAttribute("errors", Long.toString(count(report, Status.ERROR)));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute(
                    "time",
                    time(report.outcomes().stream()
                            .mapToDouble(JUnitXmlReport::seconds)
                            .sum()));
            xml.writeAttribute("timestamp", Xml.clean(report.info().date()));
            xml.writeAttribute("hostname", Xml.clean(report.info().host()));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> property : properties(report).entrySet()) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", Xml.clean(property.getKey()));
                xml.writeAttribute("value", Xml.clean(property.getValue()));
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (BudgetOutcome outcome : report.outcomes()) {
                testCase(xml, outcome);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        });
    }

    /**
     * The suite's properties: how it ran, and each budget's workload, parameters and limits
     * under {@code budget.<name>.}.
     */
    static Map<String, String> properties(BudgetReport report) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("repeat", Integer.toString(report.repeat()));
        properties.put("java.version", report.javaVersion());
        properties.put("date", report.info().date());
        properties.put("host", report.info().host());
        if (report.info().commit() != null) {
            properties.put("commit", report.info().commit());
        }
        if (report.info().baselineFile() != null) {
            properties.put("baselineFile", report.info().baselineFile());
        }
        for (BudgetOutcome outcome : report.outcomes()) {
            BudgetSpec spec = outcome.result().spec();
            String prefix = "budget." + spec.name() + ".";
            properties.put(prefix + "workload", spec.workload());
            new TreeMap<>(spec.parameters())
                    .forEach((key, value) -> properties.put(prefix + "parameter." + key, value));
            spec.limits().forEach((figure, limit) -> properties.put(prefix + figure.limitName(), plain(figure, limit)));
            if (spec.maxRegressionPercent() != null) {
                properties.put(prefix + "maxRegressionPercent", Json.number(spec.maxRegressionPercent()));
            }
            properties.put(prefix + "level", spec.level().name());
        }
        return properties;
    }

    /** Limits as the POM could state them: bytes as a count, percentages as a number. */
    private static String plain(Figure figure, double limit) {
        return figure.isBytes() ? Long.toString(Math.round(limit)) : Json.number(limit);
    }

    private static void testCase(XMLStreamWriter xml, BudgetOutcome outcome) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("name", Xml.clean(outcome.result().spec().name()));
        xml.writeAttribute("time", time(seconds(outcome)));
        StringBuilder output = new StringBuilder(String.join(" | ", ConsoleTable.HEADER))
                .append('\n')
                .append(String.join(" | ", ConsoleTable.row(outcome)));
        for (Violation violation : outcome.violations()) {
            if (violation.kind() == Violation.Kind.ERROR) {
                element(xml, "error", violation);
            } else if (outcome.status() == Status.FAIL) {
                element(xml, "failure", violation);
            } else {
                output.append("\nWARN ").append(violation.message());
            }
        }
        outcome.notes().forEach(note -> output.append("\nNOTE ").append(note));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(Xml.clean(output.toString()));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, Violation violation) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeAttribute("type", Xml.clean(violation.limitName()));
        xml.writeAttribute("message", Xml.clean(violation.message()));
        xml.writeCharacters(Xml.clean(violation.message()));
        xml.writeEndElement();
    }

    private static long count(BudgetReport report, Status status) {
        return report.outcomes().stream()
                .filter(outcome -> outcome.status() == status)
                .count();
    }

    private static double seconds(BudgetOutcome outcome) {
        return outcome.result().runs().stream()
                        .mapToLong(RunFigures::elapsedNanos)
                        .sum()
                / 1e9;
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
