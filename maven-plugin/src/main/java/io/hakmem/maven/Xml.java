package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;

/**
 * Escapes text for XML and HTML content and attributes; drops characters XML 1.0 forbids.
 *
 * <pre>{@code
 * Xml.escape("a < b & \"c\"") // a &lt; b &amp; &quot;c&quot;
 * }</pre>
 */
@NullMarked
public final class Xml {

    private Xml() {}

    /**
     * Escapes text for XML content and attributes.
     *
     * @param text any text
     * @return the text, safe inside elements and quoted attributes
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
