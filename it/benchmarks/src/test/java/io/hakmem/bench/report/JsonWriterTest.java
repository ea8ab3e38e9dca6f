package io.hakmem.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakmem.maven.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesWhatThePluginsReaderReadsBack() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("peer", "HAKMEM");
        map.put("rounds", List.of(Map.of("blocks", 100000L)));
        map.put("note", "tab\there");
        map.put("ratio", 1.25);
        map.put("unknown", null);
        String text = JsonWriter.write(map);
        assertThat(text)
                .isEqualTo(
                        "{\"peer\":\"HAKMEM\",\"rounds\":[{\"blocks\":100000}],\"note\":\"tab\\there\",\"ratio\":1.25,\"unknown\":null}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("peer", "HAKMEM");
        expected.put("rounds", List.of(Map.of("blocks", 100000.0)));
        expected.put("note", "tab\there");
        expected.put("ratio", 1.25);
        expected.put("unknown", null);
        assertThat(Json.parse(text)).isEqualTo(expected);
    }

    @Test
    void keepsLargeByteCountsExact() {
        assertThat(JsonWriter.write(List.of(Long.MAX_VALUE, 7, true))).isEqualTo("[9223372036854775807,7,true]");
    }

    @Test
    void refusesTypesJsonHasNoWordFor() {
        assertThatThrownBy(() -> JsonWriter.write(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write a java.time.Instant as JSON: 1970-01-01T00:00:00Z");
    }
}
