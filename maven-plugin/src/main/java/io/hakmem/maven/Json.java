package io.hakmem.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the plugin writes and reads back (its reports and the baseline), so that it carries no
 * JSON library: strings and numbers out, and a strict reader of the RFC 8259 grammar in.
 *
 * <pre>{@code
 * Json.string("say \"hi\"") // "\"say \\\"hi\\\"\""
 * Json.number(Double.NaN)   // "null"
 * Map<?, ?> document = (Map<?, ?>) Json.parse("{\"a\": [1, true, null]}");
 * }</pre>
 */
@NullMarked
public final class Json {

    private Json() {}

    /**
     * Quotes text as a JSON string.
     *
     * @param value any text
     * @return a JSON string literal
     */
    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Formats a number for JSON.
     *
     * @param value a number
     * @return a JSON number, {@code null} for NaN or infinities, which JSON cannot express
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(Math.round(value * 1000.0) / 1000.0);
    }

    /**
     * Reads a JSON document: objects become insertion-ordered maps, arrays lists, numbers
     * {@link Double}s.
     *
     * @param text the document
     * @return a Map, List, String, Double, Boolean, or null for {@code null}
     * @throws IllegalArgumentException naming the offset and what was expected there
     */
    public static @Nullable Object parse(String text) {
        Reader reader = new Reader(text);
        Object value = reader.value();
        reader.blanks();
        if (reader.at < text.length()) {
            throw reader.error("end of document");
        }
        return value;
    }

    /** A recursive-descent reader; reports nest only a few levels deep. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        @Nullable
        Object value() {
            blanks();
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, @Nullable Object> object() {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            at++;
            blanks();
            if (peek('}')) {
                return map;
            }
            do {
                blanks();
                if (!peekChar('"')) {
                    throw error("a string key");
                }
                String key = string();
                blanks();
                expect(':');
                map.put(key, value());
                blanks();
            } while (peek(','));
            expect('}');
            return map;
        }

        private List<@Nullable Object> array() {
            List<@Nullable Object> list = new ArrayList<>();
            at++;
            blanks();
            if (peek(']')) {
                return list;
            }
            do {
                list.add(value());
                blanks();
            } while (peek(','));
            expect(']');
            return list;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw error("a closing quote");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("an escape");
                }
                char escape = text.charAt(at++);
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw error("an escape");
                }
            }
        }

        private Double number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return Double.valueOf(text.substring(start, at));
            } catch (NumberFormatException e) {
                at = start;
                throw error("a value");
            }
        }

        private @Nullable Object literal(String word, @Nullable Object value) {
            if (!text.startsWith(word, at)) {
                throw error("'" + word + "'");
            }
            at += word.length();
            return value;
        }

        void blanks() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean peekChar(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private boolean peek(char c) {
            if (peekChar(c)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
        }

        IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("invalid JSON at offset " + at + ": expected " + expected
                    + (at < text.length() ? ", found '" + text.charAt(at) + "'" : ", found the end"));
        }
    }
}
