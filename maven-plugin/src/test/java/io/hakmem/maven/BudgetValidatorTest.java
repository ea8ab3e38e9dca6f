package io.hakmem.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetValidatorTest {

    @TempDir
    static Path directory;

    static BudgetValidator validator;

    @BeforeAll
    static void setUp() throws IOException {
        Path allocator = CompiledWorkloads.allocator();
        WorkloadClassInspector inspector =
                new WorkloadClassInspector(List.of(CompiledWorkloads.compile(directory), allocator));
        validator = new BudgetValidator(WorkloadCatalog.read(allocator), inspector);
    }

    @Test
    void theCatalogComesFromTheAllocatorJar() throws IOException {
        WorkloadCatalog catalog = WorkloadCatalog.read(CompiledWorkloads.allocator());

        assertThat(catalog.names()).containsExactly("random-mixed", "scaling", "threads");
        assertThat(catalog.parametersOf("scaling")).containsExactly("blocks", "size");
        assertThat(catalog.parametersOf("p.Direct")).isNull();
    }

    @Test
    void goodBudgetsBecomeSpecsInOrder() throws BudgetConfigurationException {
        List<BudgetSpec> specs = validator.validate(List.of(
                new Budget("a", "scaling", Map.of("blocks", "1_000"), 10.0, null),
                new Budget("b", " p.Direct ", Map.of("mode", "anything"), null, 0L)));

        assertThat(specs).containsExactly(
                new BudgetSpec("a", "scaling", Map.of("blocks", "1_000"), 10.0, null),
                new BudgetSpec("b", "p.Direct", Map.of("mode", "anything"), null, 0L));
    }

    @Test
    void theDefaultSetIsValid() throws BudgetConfigurationException {
        assertThat(validator.validate(DefaultBudgets.all())).extracting(BudgetSpec::name)
                .containsExactly("scaling-100K", "scaling-500K", "scaling-1M");
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        List<Budget> budgets = List.of(
                new Budget("typo", "scalling", Map.of(), 10.0, null),
                new Budget("neg", "scaling", Map.of(), -1.0, -5L),
                new Budget("text", "scaling", Map.of("blocks", "many", "colour", "red"), 10.0, null),
                new Budget("notOne", "p.NotOne", Map.of(), 10.0, null),
                new Budget("ctor", "p.NeedsArgument", Map.of(), 10.0, null),
                new Budget("typo", "scaling", Map.of(), null, null),
                new Budget(null, null, Map.of(), 1.0, null));

        assertThatThrownBy(() -> validator.validate(budgets))
                .isInstanceOfSatisfying(BudgetConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "budgets[0] 'typo'.workload: 'scalling' is neither a built-in workload"
                                + " [random-mixed, scaling, threads] nor a class on the test classpath",
                        "budgets[1] 'neg'.maxOverheadPercent: must be 0 or more, was -1.0",
                        "budgets[1] 'neg'.maxRetainedBytes: must be 0 or more, was -5",
                        "budgets[2] 'text'.parameters.blocks: must be an integer, was 'many'",
                        "budgets[2] 'text'.parameters.colour: workload 'scaling' has no such parameter;"
                                + " it knows [blocks, size]",
                        "budgets[3] 'notOne'.workload: class p.NotOne does not implement io.hakmem.budget.Workload",
                        "budgets[4] 'ctor'.workload: class p.NeedsArgument must be public and concrete"
                                + " with a public no-argument constructor",
                        "budgets[5].name: 'typo' is used by another budget",
                        "budgets[5] 'typo': set maxOverheadPercent or maxRetainedBytes;"
                                + " a budget without a limit gates nothing",
                        "budgets[6].name: every budget needs a name",
                        "budgets[6] '#6'.workload: missing; use one of [random-mixed, scaling, threads]"
                                + " or a class name"))
                .hasMessageStartingWith("invalid hakmem budget configuration:\n  budgets[0] 'typo'.workload");
    }

    @Test
    void nonFiniteLimitsAreRejectedBeforeForkingNamingBudgetFieldAndValue() {
        List<Budget> budgets = List.of(
                new Budget("inf", "scaling", Map.of(), Double.POSITIVE_INFINITY, null),
                new Budget("minus-inf", "scaling", Map.of(), Double.NEGATIVE_INFINITY, null),
                new Budget("nan", "scaling", Map.of(), Double.NaN, 10L));

        assertThatThrownBy(() -> validator.validate(budgets))
                .isInstanceOfSatisfying(BudgetConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "budgets[0] 'inf'.maxOverheadPercent: must be a finite number, was Infinity",
                        "budgets[1] 'minus-inf'.maxOverheadPercent: must be a finite number, was -Infinity",
                        "budgets[2] 'nan'.maxOverheadPercent: must be a finite number, was NaN"));
    }
}
