package io.hakmem.maven;

import static io.hakmem.maven.WorkloadClassInspector.Verdict.NOT_A_WORKLOAD;
import static io.hakmem.maven.WorkloadClassInspector.Verdict.NOT_FOUND;
import static io.hakmem.maven.WorkloadClassInspector.Verdict.NOT_INSTANTIABLE;
import static io.hakmem.maven.WorkloadClassInspector.Verdict.USABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadClassInspectorTest {

    @TempDir
    static Path directory;

    static WorkloadClassInspector inspector;

    @BeforeAll
    static void compile() throws IOException {
        inspector = new WorkloadClassInspector(
                List.of(CompiledWorkloads.compile(directory), CompiledWorkloads.allocator()));
    }

    @Test
    void classesImplementingWorkloadDirectlyOrThroughSupertypesAreUsable() {
        assertThat(inspector.inspect("p.Direct")).isEqualTo(USABLE);
        assertThat(inspector.inspect("p.Inherited")).isEqualTo(USABLE);
        assertThat(inspector.inspect("p.ViaInterface")).isEqualTo(USABLE);
        assertThat(inspector.inspect("p.Outer$Inner")).isEqualTo(USABLE);
    }

    @Test
    void abstractClassesInterfacesAndClassesWithoutNoArgumentConstructorAreNot() {
        assertThat(inspector.inspect("p.Base")).isEqualTo(NOT_INSTANTIABLE);
        assertThat(inspector.inspect("p.NeedsArgument")).isEqualTo(NOT_INSTANTIABLE);
        assertThat(inspector.inspect("p.Tagged")).isEqualTo(NOT_INSTANTIABLE);
    }

    @Test
    void otherClassesAndMissingOnesAreToldApart() {
        assertThat(inspector.inspect("p.NotOne")).isEqualTo(NOT_A_WORKLOAD);
        assertThat(inspector.inspect("io.hakmem.budget.BudgetRunnerMain")).isEqualTo(NOT_A_WORKLOAD);
        assertThat(inspector.inspect("p.Missing")).isEqualTo(NOT_FOUND);
        assertThat(inspector.inspect("java.lang.String")).isEqualTo(NOT_FOUND);
    }

    @Test
    void builtInClassesAreFoundInTheAllocatorJarButAreNotPublic() {
        assertThat(inspector.inspect("io.hakmem.budget.ScalingWorkload")).isEqualTo(NOT_INSTANTIABLE);
    }

    @Test
    void declaredParametersAreReadFromTheAnnotationInTheClassFile() {
        // @Deprecated sits before it: other annotations are skipped, not mistaken for it.
        assertThat(inspector.declaredParameters("p.Declares")).contains(List.of("blocks", "size"));
        assertThat(inspector.declaredParameters("p.Direct")).isEmpty();
        assertThat(inspector.declaredParameters("p.Missing")).isEmpty();
    }
}
