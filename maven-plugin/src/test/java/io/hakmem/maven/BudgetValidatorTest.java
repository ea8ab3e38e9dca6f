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
        List<BudgetSpec> specs = validator.validate(
                List.of(
                        new Budget("a", "scaling", Map.of("blocks", "1_000")).set("maxOverheadPercent", "10.0"),
                        new Budget("b", " p.Direct ", Map.of("mode", "anything")).set("maxRetainedBytes", "0")),
                null);

        assertThat(specs)
                .containsExactly(
                        Fixtures.spec("a", "scaling", Map.of("blocks", "1_000"), 10.0, null),
                        Fixtures.spec("b", "p.Direct", Map.of("mode", "anything"), null, 0L));
    }

    @Test
    void theDefaultSetIsValid() throws BudgetConfigurationException {
        assertThat(validator.validate(DefaultBudgets.all(), null))
                .extracting(BudgetSpec::name)
                .containsExactly("scaling-100K", "scaling-500K", "scaling-1M");
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        List<Budget> budgets = List.of(
                new Budget("typo", "scalling", Map.of()).set("maxOverheadPercent", "10.0"),
                new Budget("neg", "scaling", Map.of())
                        .set("maxOverheadPercent", "-1.0")
                        .set("maxRetainedBytes", "-5"),
                new Budget("text", "scaling", Map.of("blocks", "many", "colour", "red"))
                        .set("maxOverheadPercent", "10.0"),
                new Budget("notOne", "p.NotOne", Map.of()).set("maxOverheadPercent", "10.0"),
                new Budget("ctor", "p.NeedsArgument", Map.of()).set("maxOverheadPercent", "10.0"),
                new Budget("typo", "scaling", Map.of()),
                new Budget(null, null, Map.of()).set("maxOverheadPercent", "1.0"));

        assertThatThrownBy(() -> validator.validate(budgets, null))
                .isInstanceOfSatisfying(
                        BudgetConfigurationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "budgets[0] 'typo'.workload: 'scalling' is neither a built-in workload"
                                                + " [random-mixed, scaling, threads] nor a class on the test classpath",
                                        "budgets[1] 'neg'.maxOverheadPercent: must be 0 or more, was -1.0",
                                        "budgets[1] 'neg'.maxRetainedBytes: must be a byte count or a size such as 512KiB, 2MiB or"
                                                + " 1.5GiB (binary units B, KiB, MiB, GiB, TiB), was '-5'",
                                        "budgets[2] 'text'.parameters.blocks: must be an integer, was 'many'",
                                        "budgets[2] 'text'.parameters.colour: workload 'scaling' has no such parameter;"
                                                + " it knows [blocks, size]",
                                        "budgets[3] 'notOne'.workload: class p.NotOne does not implement io.hakmem.budget.Workload",
                                        "budgets[4] 'ctor'.workload: class p.NeedsArgument must be public and concrete"
                                                + " with a public no-argument constructor",
                                        "budgets[5].name: 'typo' is used by another budget",
                                        "budgets[5] 'typo': set a limit (maxResidentBytes, maxMappedBytes, maxRssDeltaBytes,"
                                                + " maxOverheadPercent, maxRetainedBytes) or maxRegressionPercent;"
                                                + " a budget without a limit gates nothing",
                                        "budgets[6].name: every budget needs a name",
                                        "budgets[6] '#6'.workload: missing; use one of [random-mixed, scaling, threads]"
                                                + " or a class name"))
                .hasMessageStartingWith("invalid hakmem budget configuration:\n  budgets[0] 'typo'.workload");
    }

    @Test
    void nonFiniteLimitsAreRejectedBeforeForkingNamingBudgetFieldAndValue() {
        List<Budget> budgets = List.of(
                new Budget("inf", "scaling", Map.of()).set("maxOverheadPercent", "Infinity"),
                new Budget("minus-inf", "scaling", Map.of()).set("maxOverheadPercent", "-Infinity"),
                new Budget("nan", "scaling", Map.of())
                        .set("maxOverheadPercent", "NaN")
                        .set("maxRetainedBytes", "10"));

        assertThatThrownBy(() -> validator.validate(budgets, null))
                .isInstanceOfSatisfying(
                        BudgetConfigurationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "budgets[0] 'inf'.maxOverheadPercent: must be a finite number, was Infinity",
                                        "budgets[1] 'minus-inf'.maxOverheadPercent: must be a finite number, was -Infinity",
                                        "budgets[2] 'nan'.maxOverheadPercent: must be a finite number, was NaN"));
    }

    @Test
    void sizeLimitsTakeBinaryUnitsAndEveryFigureCanBeLimited() throws BudgetConfigurationException {
        Budget budget = new Budget("sizes", "scaling", Map.of())
                .set("maxResidentBytes", "2MiB")
                .set("maxMappedBytes", "1.5GiB")
                .set("maxRssDeltaBytes", "512KiB")
                .set("maxRetainedBytes", "4_096")
                .set("maxOverheadPercent", "12.5")
                .set("maxRegressionPercent", "5")
                .set("level", "warn");

        BudgetSpec spec = validator.validate(List.of(budget), 10.0).get(0);

        assertThat(spec.limits())
                .containsExactly(
                        Map.entry(Figure.RESIDENT, 2097152.0),
                        Map.entry(Figure.MAPPED, 1610612736.0),
                        Map.entry(Figure.RSS_DELTA, 524288.0),
                        Map.entry(Figure.OVERHEAD, 12.5),
                        Map.entry(Figure.RETAINED, 4096.0));
        assertThat(spec.level()).isEqualTo(Level.WARN);
        assertThat(spec.maxRegressionPercent()).isEqualTo(5.0);
        assertThat(validator
                        .validate(List.of(new Budget("d", "scaling", Map.of())), 10.0)
                        .get(0)
                        .maxRegressionPercent())
                .isEqualTo(10.0);
    }

    @Test
    void badSizesLevelsAndRegressionsNameFieldAndValue() {
        List<Budget> budgets = List.of(new Budget("bad", "scaling", Map.of())
                .set("maxResidentBytes", "2MB")
                .set("maxRegressionPercent", "ten")
                .set("level", "ERROR"));

        assertThatThrownBy(() -> validator.validate(budgets, null))
                .isInstanceOfSatisfying(
                        BudgetConfigurationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "budgets[0] 'bad'.maxResidentBytes: must be a byte count or a size such as 512KiB, 2MiB or"
                                                + " 1.5GiB (binary units B, KiB, MiB, GiB, TiB), was '2MB'",
                                        "budgets[0] 'bad'.maxRegressionPercent: must be a number of percent such as 10 or 2.5,"
                                                + " was 'ten'",
                                        "budgets[0] 'bad'.level: must be one of [FAIL, WARN], was 'ERROR'"));
    }

    @Test
    void aMisspelledParameterOfAnAnnotatedWorkloadIsRejectedBeforeForking() {
        List<Budget> budgets = List.of(
                new Budget("typo", "p.Declares", Map.of("blokcs", "10", "size", "16")).set("maxOverheadPercent", "50"));

        assertThatThrownBy(() -> validator.validate(budgets, null))
                .isInstanceOfSatisfying(
                        BudgetConfigurationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "budgets[0] 'typo'.parameters.blokcs: workload p.Declares never reads it;"
                                                + " it declares [blocks, size]"));
    }

    @Test
    void theSelectionKeepsNamedAndGlobbedBudgetsInPomOrderAndNamesAPatternThatMatchesNothing()
            throws BudgetConfigurationException {
        List<BudgetSpec> specs = validator.validate(DefaultBudgets.all(), null);

        assertThat(BudgetSelection.parse("scaling-1M, scaling-1??K").select(specs))
                .extracting(BudgetSpec::name)
                .containsExactly("scaling-100K", "scaling-1M");
        assertThat(BudgetSelection.parse("scaling-*").select(specs)).hasSize(3);
        assertThat(BudgetSelection.parse(" ").select(specs)).hasSize(3);
        assertThatThrownBy(() -> BudgetSelection.parse("small-17").select(specs))
                .hasMessageContaining("hakmem.budgets: 'small-17' matches no budget; the budgets are"
                        + " [scaling-100K, scaling-500K, scaling-1M]");
    }
}
