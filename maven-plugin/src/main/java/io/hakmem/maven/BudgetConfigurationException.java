package io.hakmem.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The POM's budget configuration cannot be run; every problem is listed, each naming its field.
 *
 * <pre>{@code
 * try {
 *     validator.validate(budgets);
 * } catch (BudgetConfigurationException e) {
 *     e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
@NullMarked
public final class BudgetConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The problems, one line each, each naming the field; an ArrayList, which serializes. */
    private final ArrayList<String> problems;

    /**
     * Collects every configuration problem into one exception.
     *
     * @param problems one line per problem, each naming the field
     */
    public BudgetConfigurationException(List<String> problems) {
        super("invalid hakmem budget configuration:\n  " + String.join("\n  ", problems));
        this.problems = new ArrayList<>(problems);
    }

    /** {@return one line per problem} */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
