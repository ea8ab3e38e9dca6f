package io.hakmem.maven;

import java.util.Arrays;
import java.util.List;
import org.apache.maven.shared.utils.cli.CommandLineUtils;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Splits an {@code argLine} with maven-shared-utils' command-line parser, so that quoting works as
 * users know it from other Maven plugins: blanks separate arguments, single or double quotes keep
 * blanks inside one.
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
     * @throws IllegalArgumentException naming the line if its quotes are unbalanced
     */
    public static List<String> split(@Nullable String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(CommandLineUtils.translateCommandline(line));
        } catch (Exception e) {
            // translateCommandline declares Exception; in practice it is an unbalanced quote.
            throw new IllegalArgumentException("argLine: " + e.getMessage(), e);
        }
    }
}
