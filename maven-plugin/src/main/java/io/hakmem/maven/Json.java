package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;

/**
 * The two pieces of JSON syntax the report needs, so the plugin carries no JSON library.
 *
 * <pre>{@code
 * Json.string("say \"hi\"") // "\"say \\\"hi\\\"\""
 * Json.number(Double.NaN)   // "null"
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
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(Math.round(value * 1000.0) / 1000.0);
    }
}
