package io.hakmem.bench.report;

import io.hakmem.maven.Json;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Writes the memory probe's results as compact JSON. Reading, string quoting and number
 * formatting are the Maven plugin's {@link Json}, so that the project has one JSON grammar.
 *
 * <pre>{@code
 * String text = JsonWriter.write(Map.of("peer", "HAKMEM", "rounds", List.of(1L, 2L)));
 * Map<?, ?> back = (Map<?, ?>) Json.parse(text);
 * }</pre>
 */
@NullMarked
public final class JsonWriter {

    private JsonWriter() {}

    /**
     * @param value maps with string keys, iterables, strings, numbers, booleans or null
     * @return compact JSON text
     * @throws IllegalArgumentException for a value of any other type, naming its class
     */
    public static String write(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(@Nullable Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep).append(Json.string(String.valueOf(e.getKey()))).append(':');
                write(e.getValue(), out);
                sep = ",";
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            String sep = "";
            for (Object item : list) {
                out.append(sep);
                write(item, out);
                sep = ",";
            }
            out.append(']');
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            // Byte counts stay exact: Json.number goes through double.
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(Json.number(n.doubleValue()));
        } else if (value instanceof String s) {
            out.append(Json.string(s));
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON: " + value);
        }
    }
}
