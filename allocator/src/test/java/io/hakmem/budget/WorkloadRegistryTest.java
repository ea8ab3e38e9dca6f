package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakmem.budget.fork.ForkProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WorkloadRegistryTest {

    private static final ClassLoader LOADER = WorkloadRegistryTest.class.getClassLoader();

    /** A user workload as a consumer would write it. */
    public static final class Counting implements Workload {
        @Override
        public void run(WorkloadContext context) {}
    }

    /** Has no no-argument constructor. */
    public static final class NeedsArgument implements Workload {
        public NeedsArgument(int ignored) {}

        @Override
        public void run(WorkloadContext context) {}
    }

    @Test
    void theResourceThePluginReadsListsExactlyTheBuiltIns() throws IOException {
        Properties listed = new Properties();
        try (InputStream in = Objects.requireNonNull(LOADER.getResourceAsStream(ForkProtocol.WORKLOADS_RESOURCE))) {
            listed.load(in);
        }
        Map<String, java.util.List<String>> fromResource = new TreeMap<>();
        listed.stringPropertyNames()
                .forEach(name -> fromResource.put(
                        name, Arrays.asList(listed.getProperty(name).split(","))));
        Map<String, java.util.List<String>> fromCode = new TreeMap<>();
        WorkloadRegistry.BUILT_INS.forEach((name, builtIn) -> fromCode.put(name, builtIn.parameters()));

        assertThat(fromResource).isEqualTo(fromCode);
    }

    @Test
    void builtInNamesGiveTheirWorkloads() {
        assertThat(WorkloadRegistry.create("b", "scaling", Map.of("blocks", "10"), LOADER))
                .isInstanceOf(ScalingWorkload.class);
        assertThat(WorkloadRegistry.create("b", "random-mixed", Map.of(), LOADER))
                .isInstanceOf(RandomMixedWorkload.class);
        assertThat(WorkloadRegistry.create("b", "threads", Map.of("threads", "4"), LOADER))
                .isInstanceOf(ThreadsWorkload.class);
    }

    @Test
    void aUserClassIsInstantiatedByItsBinaryName() {
        assertThat(WorkloadRegistry.create("b", Counting.class.getName(), Map.of("anything", "text"), LOADER))
                .isInstanceOf(Counting.class);
    }

    @Test
    void anUnknownNameListsTheBuiltIns() {
        assertThatThrownBy(() -> WorkloadRegistry.create("b1", "scalling", Map.of(), LOADER))
                .hasMessageStartingWith("budget 'b1': workload 'scalling' is neither a built-in [")
                .hasMessageContaining("scaling")
                .hasMessageEndingWith("nor a class on the test classpath");
    }

    @Test
    void aClassThatIsNotAWorkloadIsRejected() {
        assertThatThrownBy(() -> WorkloadRegistry.create("b1", "java.lang.String", Map.of(), LOADER))
                .hasMessage("budget 'b1': class java.lang.String does not implement io.hakmem.budget.Workload");
    }

    @Test
    void aClassWithoutNoArgumentConstructorIsRejected() {
        assertThatThrownBy(() -> WorkloadRegistry.create("b1", NeedsArgument.class.getName(), Map.of(), LOADER))
                .hasMessage("budget 'b1': class " + NeedsArgument.class.getName()
                        + " needs a public no-argument constructor and must not be abstract");
    }

    @Test
    void aBuiltInRejectsUnknownAndNonNumericParameters() {
        assertThatThrownBy(() -> WorkloadRegistry.create("b1", "scaling", Map.of("blokcs", "10"), LOADER))
                .hasMessage("budget 'b1': workload 'scaling' has no parameter 'blokcs'; it knows [blocks, size]");
        assertThatThrownBy(() -> WorkloadRegistry.create("b1", "scaling", Map.of("blocks", "many"), LOADER))
                .hasMessage("budget 'b1': parameter 'blocks' must be an integer, was 'many'");
    }

    @Test
    void numbersMayBeWrittenWithUnderscores() {
        assertThat(Parameters.parseLong("b", "blocks", " 1_000_000 ")).isEqualTo(1_000_000L);
    }
}
