package io.hakmem.maven;

import java.io.Writer;
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
 * XMLStreamWriter xml = Xml.writer(out);
 * xml.writeAttribute("name", Xml.clean(budgetName));
 * }</pre>
 */
@NullMarked
public final class Xml {

    private static final char REPLACEMENT = '\uFFFD';

    private Xml() {}

    /**
     * Creates a StAX writer, which escapes markup characters itself.
     *
     * @param out where the document goes
     * @return the writer
     * @throws XMLStreamException if the JDK has no StAX implementation
     */
    public static XMLStreamWriter writer(Writer out) throws XMLStreamException {
        return XMLOutputFactory.newFactory().createXMLStreamWriter(out);
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
            } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                    || c == '\uFFFE' || c == '\uFFFF') {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
