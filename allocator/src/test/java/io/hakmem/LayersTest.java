package io.hakmem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The allocator's packages form layers, each using only those below it, so that a newcomer can
 * read and test one layer without the ones above. From the bottom:
 *
 * <ul>
 *   <li>{@code os} (mmap, madvise, mincore) and {@code watch} (the registry of open arenas and the
 *       test tools' hook) use nothing of hakmem;
 *   <li>{@code slab} (SuperSlabs, spans, the locked heap) uses {@code os};
 *   <li>{@code cache} (thread caches) and {@code events} (JFR) use {@code slab}, and {@code cache}
 *       {@code os};
 *   <li>{@code io.hakmem} (the public API) uses everything below;
 *   <li>{@code budget} (the budget workloads) uses the public API only.
 * </ul>
 *
 * Only main code is checked: tests live in the packages they test and may reach across.
 */
@AnalyzeClasses(packages = "io.hakmem", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule subpackagesAreFreeOfCycles =
            slices().matching("io.hakmem.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingBelowTheApiUsesIt = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.hakmem.os..",
                    "io.hakmem.watch..",
                    "io.hakmem.slab..",
                    "io.hakmem.cache..",
                    "io.hakmem.events..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.hakmem")
            .because("io.hakmem is the top layer: the layers below take what they need as arguments");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("os")
            .definedBy("io.hakmem.os..")
            .layer("watch")
            .definedBy("io.hakmem.watch..")
            .layer("slab")
            .definedBy("io.hakmem.slab..")
            .layer("cache")
            .definedBy("io.hakmem.cache..")
            .layer("events")
            .definedBy("io.hakmem.events..")
            .layer("api")
            .definedBy("io.hakmem")
            .layer("budget")
            .definedBy("io.hakmem.budget..")
            .whereLayer("os")
            .mayNotAccessAnyLayer()
            .whereLayer("watch")
            .mayNotAccessAnyLayer()
            .whereLayer("slab")
            .mayOnlyAccessLayers("os")
            .whereLayer("cache")
            .mayOnlyAccessLayers("slab", "os")
            .whereLayer("events")
            .mayOnlyAccessLayers("slab")
            .whereLayer("api")
            .mayOnlyAccessLayers("os", "watch", "slab", "cache", "events")
            .whereLayer("budget")
            .mayOnlyAccessLayers("api")
            .whereLayer("api")
            .mayOnlyBeAccessedByLayers("budget");
}
