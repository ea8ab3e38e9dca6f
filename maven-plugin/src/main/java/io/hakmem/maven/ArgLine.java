package io.hakmem.maven;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Splits an {@code argLine} the way a shell would for simple cases: on blanks, with single or
 * double quotes keeping blanks inside one argument.
 *
 * <pre>{@code
 * ArgLine.split("-Dname=\"a b\" -Xss1m") // [-Dname=a b, -Xss1m]
 * }</pre>
 */
@NullMarked
public final class ArgLine {

    private ArgLine() {}

    /**
     * Splits a command line into arguments, honouring single and double quotes.
     *
     * @param line the text, or null
     * @return the arguments, none for null or blank
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static List<String> split(@Nullable String line) {
        List<String> arguments = new ArrayList<>();
        if (line == null) {
            return arguments;
        }
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("argLine has an unclosed " + quote + " quote: " + line);
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
