package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The knob table of {@link HakmemConfig}: every setting but the name can be set by the builder,
 * its system property and its environment variable. Properties and variables come from maps
 * through the package-private {@code HakmemConfig.builder(properties, environment)}, since a Java
 * test cannot change its own environment.
 */
class ConfigKnobsTest {

    /**
     * A value for each knob that differs from its built-in one, as text and as the accessor
     * returns it.
     */
    private record Sample(String setting, String text, Object expected, Function<HakmemConfig, Object> accessor) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("magazineCapacity", "7", 7, HakmemConfig::magazineCapacity),
            new Sample("drainInterval", "16", 16, HakmemConfig::drainInterval),
            new Sample("zeroOnAllocate", "false", false, HakmemConfig::zeroOnAllocate),
            new Sample("trackAllocationSites", "true", true, HakmemConfig::trackAllocationSites),
            new Sample("poisonFreedBlocks", "TRUE", true, HakmemConfig::poisonFreedBlocks),
            new Sample("maxMappedBytes", "4194304", 4L << 20, HakmemConfig::maxMappedBytes),
            new Sample("emptySuperSlabCacheSize", "3", 3, HakmemConfig::emptySuperSlabCacheSize),
            new Sample("purgeThresholdBytes", "4096", 4096L, HakmemConfig::purgeThresholdBytes),
            new Sample("osBackend", "portable", OsBackend.PORTABLE, HakmemConfig::osBackend),
            new Sample("backgroundTrimInterval", "250", Duration.ofMillis(250), HakmemConfig::backgroundTrimInterval),
            new Sample("purgeDelay", " 20 ", Duration.ofMillis(20), HakmemConfig::purgeDelay),
            new Sample("registerMXBean", "false", false, HakmemConfig::registerMXBean),
            new Sample("detectUseAfterFree", "true", true, HakmemConfig::detectUseAfterFree),
            new Sample("failOnCloseWithLiveBlocks", "true", true, HakmemConfig::failOnCloseWithLiveBlocks));

    private static final Function<String, @Nullable String> NOTHING = key -> null;

    static Stream<Sample> samples() {
        return SAMPLES.stream();
    }

    private static HakmemConfig.Knob<?> knob(String setting) {
        return HakmemConfig.Knob.ALL.stream()
                .filter(k -> k.setting.equals(setting))
                .findFirst()
                .orElseThrow();
    }

    private static HakmemConfig builtIn() {
        return HakmemConfig.builder(NOTHING, NOTHING).build();
    }

    @Test
    void theSamplesCoverEveryKnobAndEveryKnobHasItsOwnPropertyAndVariable() {
        List<String> settings =
                HakmemConfig.Knob.ALL.stream().map(k -> k.setting).toList();
        assertThat(SAMPLES).extracting(Sample::setting).containsExactlyElementsOf(settings);
        assertThat(settings).hasSize(14).doesNotHaveDuplicates();
        assertThat(HakmemConfig.Knob.ALL)
                .extracting(k -> k.property)
                .doesNotHaveDuplicates()
                .allMatch(p -> p.startsWith("hakmem."));
        assertThat(HakmemConfig.Knob.ALL)
                .extracting(k -> k.variable)
                .doesNotHaveDuplicates()
                .allMatch(v -> v.matches("HAKMEM_[A-Z_]+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyKnobIsSetByItsSystemProperty(Sample sample) {
        HakmemConfig.Knob<?> knob = knob(sample.setting());
        HakmemConfig config = HakmemConfig.builder(Map.of(knob.property, sample.text())::get, NOTHING)
                .build();

        assertThat(sample.accessor().apply(config)).isEqualTo(sample.expected());
        assertThat(sample.accessor().apply(builtIn())).isNotEqualTo(sample.expected());
        assertThat(config.toString()).contains(sample.setting() + "=" + sample.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyKnobIsSetByItsEnvironmentVariable(Sample sample) {
        HakmemConfig.Knob<?> knob = knob(sample.setting());
        HakmemConfig config = HakmemConfig.builder(NOTHING, Map.of(knob.variable, sample.text())::get)
                .build();

        assertThat(sample.accessor().apply(config)).isEqualTo(sample.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void thePropertyWinsOverTheVariableWhichIsThenNotEvenParsed(Sample sample) {
        HakmemConfig.Knob<?> knob = knob(sample.setting());
        HakmemConfig config = HakmemConfig.builder(
                        Map.of(knob.property, sample.text())::get, Map.of(knob.variable, "not a value")::get)
                .build();

        assertThat(sample.accessor().apply(config)).isEqualTo(sample.expected());
    }

    @Test
    void aBlankPropertyLeavesTheVariableInCharge() {
        HakmemConfig config = HakmemConfig.builder(
                        Map.of("hakmem.drainInterval", "  ")::get, Map.of("HAKMEM_DRAIN_INTERVAL", "64")::get)
                .build();

        assertThat(config.drainInterval()).isEqualTo(64);
        assertThat(HakmemConfig.builder(NOTHING, Map.of("HAKMEM_DRAIN_INTERVAL", "")::get)
                        .build()
                        .drainInterval())
                .isEqualTo(HakmemConfig.DEFAULT_DRAIN_INTERVAL);
    }

    @Test
    void aBadVariableIsNamedWithItsValue() {
        assertThatThrownBy(() -> HakmemConfig.builder(NOTHING, Map.of("HAKMEM_POISON_FREED_BLOCKS", "yes")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HAKMEM_POISON_FREED_BLOCKS must be true or false, was 'yes'");
        assertThatThrownBy(() -> HakmemConfig.builder(NOTHING, Map.of("HAKMEM_EMPTY_SUPER_SLAB_CACHE_SIZE", "65")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HAKMEM_EMPTY_SUPER_SLAB_CACHE_SIZE='65' is invalid:"
                        + " emptySuperSlabCacheSize must be between 0 and 64, was 65");
    }

    @Test
    void aValueThatDoesNotParseAndOneTheSettingRefusesAreReportedDifferently() {
        // The first is about the text, the second about the value: each message says which.
        assertThatThrownBy(() -> HakmemConfig.builder(Map.of("hakmem.tiny.magCap", "99999999999")::get, NOTHING))
                .hasMessage("hakmem.tiny.magCap must be a whole number that fits in an int, was '99999999999'")
                .hasNoCause();
        assertThatThrownBy(() -> HakmemConfig.builder(Map.of("hakmem.tiny.magCap", "-5")::get, NOTHING))
                .hasMessage(
                        "hakmem.tiny.magCap='-5' is invalid: magazineCapacity must be between 0 and 65536," + " was -5")
                .hasNoCause();
        assertThatThrownBy(() -> HakmemConfig.builder(Map.of("hakmem.osBackend", "WINDOWS")::get, NOTHING))
                .hasMessage("hakmem.osBackend must be one of [AUTO, LINUX, PORTABLE] in any case, was 'WINDOWS'");
    }

    @Test
    void theBuiltInValuesAreTheDocumentedOnes() {
        HakmemConfig config = builtIn();

        assertThat(config.magazineCapacity()).isEqualTo(2048);
        assertThat(config.drainInterval()).isEqualTo(1024);
        assertThat(config.zeroOnAllocate()).isTrue();
        assertThat(config.trackAllocationSites()).isFalse();
        assertThat(config.poisonFreedBlocks()).isFalse();
        assertThat(config.maxMappedBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(config.emptySuperSlabCacheSize()).isEqualTo(1);
        assertThat(config.purgeThresholdBytes()).isEqualTo(64L << 20);
        assertThat(config.osBackend()).isEqualTo(OsBackend.AUTO);
        assertThat(config.backgroundTrimInterval()).isEqualTo(Duration.ZERO);
        assertThat(config.purgeDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.name()).isNull();
        assertThat(config.registerMXBean()).isTrue();
        assertThat(config.detectUseAfterFree()).isFalse();
        assertThat(config.failOnCloseWithLiveBlocks()).isFalse();
        assertThat(config.toString())
                .isEqualTo("HakmemConfig[magazineCapacity=2048, drainInterval=1024, zeroOnAllocate=true,"
                        + " trackAllocationSites=false, poisonFreedBlocks=false, maxMappedBytes=9223372036854775807,"
                        + " emptySuperSlabCacheSize=1, purgeThresholdBytes=67108864, osBackend=AUTO,"
                        + " backgroundTrimInterval=PT0S, purgeDelay=PT0.01S, registerMXBean=true,"
                        + " detectUseAfterFree=false, failOnCloseWithLiveBlocks=false, name=null]");
    }

    @Test
    void equalityAndHashCoverEveryKnobAndTheName() {
        HakmemConfig base = builtIn();
        for (Sample sample : SAMPLES) {
            HakmemConfig.Knob<?> knob = knob(sample.setting());
            HakmemConfig changed = HakmemConfig.builder(Map.of(knob.property, sample.text())::get, NOTHING)
                    .build();
            assertThat(changed).as(sample.setting()).isNotEqualTo(base);
            assertThat(changed.toBuilder().build()).isEqualTo(changed).hasSameHashCodeAs(changed);
        }
        assertThat(base.toBuilder().name("x").build()).isNotEqualTo(base);
    }

    @Test
    void theReadmeAndTheJavadocListEveryPropertyAndVariable() throws IOException {
        // Surefire runs in the module's directory; the README is the root's.
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(
                Path.of("src", "main", "java", "io", "hakmem", "HakmemConfig.java"), StandardCharsets.UTF_8);
        for (HakmemConfig.Knob<?> knob : HakmemConfig.Knob.ALL) {
            assertThat(readme).as("README.md").contains("`" + knob.property + "`", "`" + knob.variable + "`");
            assertThat(source)
                    .as("the Javadoc table")
                    .contains("{@code " + knob.property + "}", "{@code " + knob.variable + "}");
        }
    }
}
