package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic {@code hakmem.ArenaStatistics} event, recorded with the settings the jar ships:
 * at least one event per open arena, none for a closed one, fields equal to the arena's stats.
 */
class ArenaStatisticsEventTest {

    @TempDir
    Path dir;

    @Test
    void aTwoSecondRecordingWithTheShippedSettingsHoldsAnEventPerOpenArena() throws Exception {
        Configuration settings = shippedSettings();
        assertThat(settings.getSettings())
                .containsEntry("hakmem.ArenaStatistics#period", "1 s")
                .containsEntry("hakmem.ArenaStatistics#enabled", "true");
        Path file = dir.resolve("stats.jfr");
        try (HakmemArena small = HakmemArena.create(
                        HakmemConfig.builder().name("jfr-small").build());
                HakmemArena large = HakmemArena.create(
                        HakmemConfig.builder().name("jfr-large").build())) {
            for (int i = 0; i < 100; i++) {
                small.allocate(16);
            }
            MemorySegment big = large.allocate(1L << 20);
            big.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 1L);
            HakmemArena.create(HakmemConfig.builder().name("jfr-closed").build())
                    .close();
            try (Recording recording = new Recording(settings)) {
                recording.start();
                Thread.sleep(2_000);
                recording.stop();
                recording.dump(file);
            }
            Map<String, List<RecordedEvent>> byArena = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("hakmem.ArenaStatistics"))
                    .collect(Collectors.groupingBy(e -> e.getString("arena")));
            assertThat(byArena).containsKeys("jfr-small", "jfr-large").doesNotContainKey("jfr-closed");
            assertThat(byArena.get("jfr-small")).allSatisfy(e -> {
                assertThat(e.getLong("liveBlocks")).isEqualTo(100);
                assertThat(e.getLong("liveBytes")).isEqualTo(1600);
                assertThat(e.getLong("superSlabsLive")).isEqualTo(1);
                assertThat(e.getLong("mappedBytes")).isEqualTo(2L << 20);
                assertThat(e.getLong("residentBytes")).isEqualTo(small.stats().residentBytes());
            });
            assertThat(byArena.get("jfr-large")).allSatisfy(e -> {
                assertThat(e.getLong("liveBlocks")).isEqualTo(1);
                assertThat(e.getLong("largeMappings")).isEqualTo(1);
                assertThat(e.getLong("liveBytes")).isEqualTo(1L << 20);
            });
        }
    }

    @Test
    void theEventIsInCategoryHakmemWithItsStatsFields() throws Exception {
        HakmemArena.create(HakmemConfig.builder().registerMXBean(false).build()).close();
        try (Recording recording = new Recording(shippedSettings())) {
            recording.start();
            EventType type = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                    .filter(t -> t.getName().equals("hakmem.ArenaStatistics"))
                    .findFirst()
                    .orElseThrow();
            assertThat(type.getCategoryNames()).containsExactly("hakmem");
            assertThat(type.getLabel()).isEqualTo("Arena Statistics");
            assertThat(type.getFields())
                    .extracting(f -> f.getName())
                    .contains(
                            "arena",
                            "liveBlocks",
                            "liveBytes",
                            "mappedBytes",
                            "residentBytes",
                            "overheadPercent",
                            "magazineBlocks",
                            "superSlabsLive",
                            "superSlabsMappedTotal",
                            "superSlabsReleasedTotal",
                            "blockFreesToSpans",
                            "emptySuperSlabsDetected",
                            "allocFailures",
                            "largeMappings",
                            "slabsPurged",
                            "doubleFreesDetected");
            assertThat(recording.getSettings()).containsEntry("hakmem.Trim#threshold", "0 ms");
            recording.stop();
        }
    }

    private static Configuration shippedSettings() throws Exception {
        try (InputStream in = HakmemArena.class.getResourceAsStream("/META-INF/hakmem/hakmem.jfc")) {
            assertThat(in)
                    .as("META-INF/hakmem/hakmem.jfc in the allocator's resources")
                    .isNotNull();
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
