package io.hakmem.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Which budgets run, as Surefire's {@code -Dtest} chooses tests: {@code -Dhakmem.budgets=small-17,scaling-*}
 * names budgets, comma-separated, with {@code *} for any run of characters and {@code ?} for one.
 *
 * <pre>{@code
 * List<BudgetSpec> chosen = BudgetSelection.parse("small-17,scaling-*").select(specs);
 * }</pre>
 *
 * @param patterns the names and globs, as given
 */
@NullMarked
public record BudgetSelection(List<String> patterns) {

    /** Copies the patterns. */
    public BudgetSelection {
        patterns = List.copyOf(patterns);
    }

    /**
     * Reads a selection.
     *
     * @param text comma-separated names and globs, or null or blank for all budgets
     * @return the selection; empty selects all
     */
    public static BudgetSelection parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new BudgetSelection(List.of());
        }
        return new BudgetSelection(Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    /**
     * Keeps the budgets the selection names, in their POM order.
     *
     * @param specs all budgets
     * @return the selected ones; all of them for an empty selection
     * @throws BudgetConfigurationException naming every pattern that matches no budget, and the
     *     budgets there are
     */
    public List<BudgetSpec> select(List<BudgetSpec> specs) throws BudgetConfigurationException {
        if (patterns.isEmpty()) {
            return specs;
        }
        List<String> problems = new ArrayList<>();
        List<Pattern> compiled = patterns.stream().map(BudgetSelection::glob).toList();
        for (int i = 0; i < patterns.size(); i++) {
            Pattern pattern = compiled.get(i);
            if (specs.stream().noneMatch(spec -> pattern.matcher(spec.name()).matches())) {
                problems.add("hakmem.budgets: '" + patterns.get(i) + "' matches no budget; the budgets are "
                        + specs.stream().map(BudgetSpec::name).toList());
            }
        }
        if (!problems.isEmpty()) {
            throw new BudgetConfigurationException(problems);
        }
        return specs.stream()
                .filter(spec ->
                        compiled.stream().anyMatch(p -> p.matcher(spec.name()).matches()))
                .toList();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
