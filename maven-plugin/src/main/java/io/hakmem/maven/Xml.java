package io.hakmem.maven;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.NullMarked;

/**
 * The JDK's StAX writer for the XML and HTML reports, and the one thing it leaves to its callers:
 * characters XML 1.0 cannot carry at all (control characters, lone surrogates), which StAX would
 * write as they are and so break the document.
 *
 * <pre>{@code
 * String page = Xml.document("HTML report", xml -> {
 *     xml.writeStartElement("p");
 *     xml.writeAttribute("title", Xml.clean(budgetName));
 *     xml.writeEndElement();
 * });
 * }</pre>
 */
@NullMarked
public final class Xml {

    private static final char REPLACEMENT = '\uFFFD';

    private Xml() {}

    /** Writes a document's content through a StAX writer, which escapes markup characters itself. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the document, from its prolog to its root element's end.
         *
         * @param xml the writer, at the start of the document
         * @throws XMLStreamException when the writer fails
         */
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /**
     * Renders one whole document: {@code content} writes it from the start, this ends it.
     *
     * @param what the document's name for the error message, e.g. "HTML report"
     * @param content writes the document
     * @return the document's text
     * @throws IllegalStateException naming the document when StAX fails
     */
    public static String document(String what, Content content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            content.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the " + what + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Replaces what XML 1.0 forbids with U+FFFD, so that a workload's odd message cannot make the
     * report unreadable for a CI server.
     *
     * @param text any text
     * @return the text, each forbidden character or lone surrogate replaced
     */
    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)
                    || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                    || c == '\uFFFE'
                    || c == '\uFFFF') {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
