package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HakmemConfig}: builder validation, defaults from system properties, and what an arena
 * does with them. Every test starts with the {@code hakmem.*} properties cleared and restores
 * them afterwards.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ConfigTest {

    private static final List<String> KNOBS =
            HakmemConfig.Knob.ALL.stream().map(knob -> knob.property).toList();

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clearKnobs() {
        for (String knob : KNOBS) {
            String value = System.getProperty(knob);
            if (value != null) {
                saved.put(knob, value);
                System.clearProperty(knob);
            }
        }
    }

    @AfterEach
    void restoreKnobs() {
        KNOBS.forEach(System::clearProperty);
        saved.forEach(System::setProperty);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("magazineCapacity", "-1", b -> b.magazineCapacity(-1)),
                invalid("magazineCapacity", "65537", b -> b.magazineCapacity(65537)),
                invalid("drainInterval", "0", b -> b.drainInterval(0)),
                invalid("maxMappedBytes", "1048576", b -> b.maxMappedBytes(1L << 20)),
                invalid("maxMappedBytes", "-1", b -> b.maxMappedBytes(-1)),
                invalid("emptySuperSlabCacheSize", "-1", b -> b.emptySuperSlabCacheSize(-1)),
                invalid("emptySuperSlabCacheSize", "65", b -> b.emptySuperSlabCacheSize(65)),
                invalid("purgeThresholdBytes", "-4096", b -> b.purgeThresholdBytes(-4096)),
                invalid("backgroundTrimInterval", "PT-0.005S", b -> b.backgroundTrimInterval(Duration.ofMillis(-5))),
                invalid("backgroundTrimInterval", "PT0.0000005S", b -> b.backgroundTrimInterval(Duration.ofNanos(500))),
                invalid("backgroundTrimInterval", "PT48H", b -> b.backgroundTrimInterval(Duration.ofDays(2))),
                invalid("purgeDelay", "PT-0.001S", b -> b.purgeDelay(Duration.ofMillis(-1))),
                invalid("purgeDelay", "PT1H0.001S", b -> b.purgeDelay(Duration.ofMillis(3_600_001))));
    }

    private static Arguments invalid(String setting, String value, Consumer<HakmemConfig.Builder> call) {
        return Arguments.of(setting, value, call);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidSettings")
    void builderRejectsInvalidValuesNamingSettingAndValue(
            String setting, String value, Consumer<HakmemConfig.Builder> call) {
        HakmemConfig.Builder builder = HakmemConfig.builder();
        assertThatThrownBy(() -> call.accept(builder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(setting)
                .hasMessageContaining("was " + value);
        // The builder is still usable and unchanged by the rejected value.
        assertThat(builder.build()).isEqualTo(HakmemConfig.builder().build());
    }

    @Test
    void nullsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> HakmemConfig.builder().osBackend(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("osBackend");
        assertThatThrownBy(() -> HakmemConfig.builder().backgroundTrimInterval(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("backgroundTrimInterval");
        assertThatThrownBy(() -> HakmemConfig.builder().purgeDelay(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("purgeDelay");
        assertThatThrownBy(() -> HakmemArena.create(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("config");
    }

    @Test
    void boundaryValuesAreAccepted() {
        HakmemConfig low = HakmemConfig.builder()
                .magazineCapacity(0)
                .drainInterval(1)
                .maxMappedBytes(2L << 20)
                .emptySuperSlabCacheSize(0)
                .purgeThresholdBytes(0)
                .backgroundTrimInterval(Duration.ofMillis(1))
                .build();
        assertThat(low.magazineCapacity()).isZero();
        assertThat(low.drainInterval()).isEqualTo(1);
        assertThat(low.maxMappedBytes()).isEqualTo(2L << 20);
        assertThat(low.emptySuperSlabCacheSize()).isZero();
        assertThat(low.purgeThresholdBytes()).isZero();
        assertThat(low.backgroundTrimInterval()).isEqualTo(Duration.ofMillis(1));
        HakmemConfig high = HakmemConfig.builder()
                .magazineCapacity(65536)
                .emptySuperSlabCacheSize(64)
                .backgroundTrimInterval(Duration.ofDays(1))
                .build();
        assertThat(high.magazineCapacity()).isEqualTo(65536);
        assertThat(high.emptySuperSlabCacheSize()).isEqualTo(64);
        assertThat(high.backgroundTrimInterval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void builtInDefaultsApplyWithoutPropertiesOrEnvironment() {
        HakmemConfig config = HakmemConfig.defaults();
        assertThat(config.magazineCapacity())
                .isEqualTo(envOr("HAKMEM_TINY_MAG_CAP", HakmemConfig.DEFAULT_MAGAZINE_CAPACITY));
        assertThat(config.maxMappedBytes()).isEqualTo(envOr("HAKMEM_MAX_MAPPED_BYTES", Long.MAX_VALUE));
        assertThat(config.backgroundTrimInterval())
                .isEqualTo(Duration.ofMillis(envOr("HAKMEM_BACKGROUND_TRIM_MILLIS", 0)));
        assertThat(config.drainInterval()).isEqualTo(HakmemConfig.DEFAULT_DRAIN_INTERVAL);
        assertThat(config.zeroOnAllocate()).isTrue();
        assertThat(config.poisonFreedBlocks()).isFalse();
        assertThat(config.emptySuperSlabCacheSize()).isEqualTo(1);
        assertThat(config.purgeThresholdBytes()).isEqualTo(64L << 20);
        assertThat(config.purgeDelay()).isEqualTo(Duration.ofMillis(envOr("HAKMEM_PURGE_DELAY_MILLIS", 10)));
        if (System.getenv("HAKMEM_OS_BACKEND") == null) {
            assertThat(config.osBackend()).isEqualTo(OsBackend.AUTO);
        }
        if (System.getenv("HAKMEM_TRACK_ALLOCATION_SITES") == null) {
            assertThat(config.trackAllocationSites()).isFalse();
        }
        assertThat(HakmemConfig.builder().build()).isEqualTo(config);
    }

    @Test
    void magCapPropertySetsTheDefaultMagazineCapacity() {
        System.setProperty("hakmem.tiny.magCap", "7");
        assertThat(HakmemConfig.defaults().magazineCapacity()).isEqualTo(7);
        assertThat(HakmemConfig.builder().build().magazineCapacity()).isEqualTo(7);
        try (HakmemArena arena = HakmemArena.create()) {
            assertThat(arena.config().magazineCapacity()).isEqualTo(7);
        }
        // An explicit setter wins over the property.
        assertThat(HakmemConfig.builder().magazineCapacity(3).build().magazineCapacity())
                .isEqualTo(3);
    }

    @Test
    void magCapZeroFromThePropertyTurnsThreadCachesOff() {
        System.setProperty("hakmem.tiny.magCap", "0");
        try (HakmemArena arena = HakmemArena.create()) {
            arena.free(arena.allocate(32));
            HakmemStats stats = arena.stats();
            assertThat(stats.magazineBlocks()).isZero();
            assertThat(stats.blockFreesToSpans())
                    .as("the free reached the slab")
                    .isEqualTo(1);
        }
        System.setProperty("hakmem.tiny.magCap", "64");
        try (HakmemArena arena = HakmemArena.create()) {
            arena.free(arena.allocate(32));
            HakmemStats stats = arena.stats();
            assertThat(stats.magazineBlocks())
                    .as("the freed block waits in the magazine")
                    .isPositive();
            assertThat(stats.blockFreesToSpans()).isZero();
        }
    }

    @Test
    void aConfigKeepsItsValuesWhenThePropertyChangesLater() {
        System.setProperty("hakmem.tiny.magCap", "9");
        HakmemConfig config = HakmemConfig.defaults();
        System.setProperty("hakmem.tiny.magCap", "11");
        assertThat(config.magazineCapacity()).isEqualTo(9);
        assertThat(config.toBuilder().build()).isEqualTo(config).hasSameHashCodeAs(config);
        assertThat(config.toBuilder().build().magazineCapacity()).isEqualTo(9);
        assertThat(HakmemConfig.defaults().magazineCapacity()).isEqualTo(11);
        assertThat(HakmemConfig.defaults()).isNotEqualTo(config);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({
        "hakmem.tiny.magCap, abc",
        "hakmem.tiny.magCap, -5",
        "hakmem.tiny.magCap, 99999999999",
        "hakmem.tiny.magCap, 1.5",
        "hakmem.maxMappedBytes, 100",
        "hakmem.maxMappedBytes, lots",
        "hakmem.osBackend, WINDOWS",
        "hakmem.trackAllocationSites, yes",
        "hakmem.backgroundTrimMillis, -1",
        "hakmem.backgroundTrimMillis, 999999999999",
        "hakmem.jmx, maybe",
        "hakmem.drainInterval, 0",
        "hakmem.zeroOnAllocate, 1",
        "hakmem.poisonFreedBlocks, on",
        "hakmem.emptySuperSlabCacheSize, 65",
        "hakmem.purgeThresholdBytes, -4096",
        "hakmem.purgeDelayMillis, 3600001",
        "hakmem.purgeDelayMillis, 10ms",
        "hakmem.detectUseAfterFree, yes",
        "hakmem.failOnCloseWithLiveBlocks, no",
    })
    void invalidPropertyValuesAreRejectedNamingPropertyAndValue(String property, String value) {
        System.setProperty(property, value);
        assertThatThrownBy(HakmemConfig::defaults)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(property)
                .hasMessageContaining(value);
        assertThatThrownBy(HakmemArena::create)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(property);
    }

    @Test
    void validPropertyValuesAreParsedLeniently() {
        System.setProperty("hakmem.tiny.magCap", " 12 ");
        System.setProperty("hakmem.maxMappedBytes", "4194304");
        System.setProperty("hakmem.osBackend", "portable");
        System.setProperty("hakmem.trackAllocationSites", "TRUE");
        System.setProperty("hakmem.backgroundTrimMillis", "250");
        HakmemConfig config = HakmemConfig.defaults();
        assertThat(config.magazineCapacity()).isEqualTo(12);
        assertThat(config.maxMappedBytes()).isEqualTo(4L << 20);
        assertThat(config.osBackend()).isEqualTo(OsBackend.PORTABLE);
        assertThat(config.trackAllocationSites()).isTrue();
        assertThat(config.backgroundTrimInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.toString())
                .contains(
                        "magazineCapacity=12",
                        "maxMappedBytes=4194304",
                        "osBackend=PORTABLE",
                        "trackAllocationSites=true",
                        "backgroundTrimInterval=PT0.25S");
    }

    @Test
    void theJmxPropertyTurnsMXBeanRegistrationOffAndTheBuilderBackOn() {
        assertThat(HakmemConfig.defaults().registerMXBean()).isTrue();
        System.setProperty("hakmem.jmx", "false");
        HakmemConfig off = HakmemConfig.defaults();
        assertThat(off.registerMXBean()).isFalse();
        assertThat(off.toString()).contains("registerMXBean=false");
        assertThat(off.toBuilder().build()).isEqualTo(off);
        assertThat(HakmemConfig.builder().registerMXBean(true).build().registerMXBean())
                .isTrue();
    }

    @Test
    void aNameIsKeptByToBuilderAndPartOfEquality() {
        HakmemConfig named = HakmemConfig.builder().name("parser").build();
        assertThat(named.name()).isEqualTo("parser");
        assertThat(named.toBuilder().build()).isEqualTo(named).hasSameHashCodeAs(named);
        assertThat(named).isNotEqualTo(HakmemConfig.builder().name("lexer").build());
        assertThat(named.toBuilder().name(null).build().name()).isNull();
        assertThat(named.toString()).contains("name=parser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines", "carriage\rreturn"})
    void blankOrMultiLineNamesAreRejected(String name) {
        assertThatThrownBy(() -> HakmemConfig.builder().name(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must be 1 to 200 characters");
    }

    @Test
    void aNameLongerThan200CharactersIsRejected() {
        assertThatThrownBy(() -> HakmemConfig.builder().name("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 'xxx");
        assertThat(HakmemConfig.builder().name("x".repeat(200)).build().name()).hasSize(200);
    }

    @Test
    void aBlankPropertyMeansTheBuiltInDefault() {
        System.setProperty("hakmem.tiny.magCap", " ");
        assertThat(HakmemConfig.defaults().magazineCapacity())
                .isEqualTo(envOr("HAKMEM_TINY_MAG_CAP", HakmemConfig.DEFAULT_MAGAZINE_CAPACITY));
    }

    @Test
    void thePortableBackendFromConfigServesBlocksButCannotMeasureResidency() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().osBackend(OsBackend.PORTABLE).build())) {
            var block = arena.allocate(100, 64);
            assertThat(block.address() % 64).isZero();
            HakmemStats stats = arena.stats();
            assertThat(stats.residentBytes()).isEqualTo(-1);
            assertThat(stats.overheadPercent()).isNaN();
            assertThat(stats.mappedBytes()).isEqualTo(2L << 20);
            arena.free(block);
            arena.trim();
            assertThat(arena.stats().mappedBytes()).isZero();
        }
    }

    private static long envOr(String variable, long fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }
}
