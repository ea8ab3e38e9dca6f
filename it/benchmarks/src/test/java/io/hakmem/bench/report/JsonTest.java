package io.hakmem.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedValues() {
        Map<?, ?> value = (Map<?, ?>) Json.parse(
                "{\"a\": [1, 2.5e1, \"x\\\"y\\u0041\"], \"b\": {\"c\": true, \"d\": null}}");
        assertThat(value.get("a")).isEqualTo(List.of(1.0, 25.0, "x\"yA"));
        Map<?, ?> b = (Map<?, ?>) value.get("b");
        assertThat(b.get("c")).isEqualTo(true);
        assertThat(b.containsKey("d")).isTrue();
        assertThat(b.get("d")).isNull();
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("peer", "HAKMEM");
        map.put("rounds", List.of(Map.of("blocks", 100000L)));
        map.put("note", "tab\there");
        String text = Json.write(map);
        assertThat(text).isEqualTo("{\"peer\":\"HAKMEM\",\"rounds\":[{\"blocks\":100000}],\"note\":\"tab\\there\"}");
        assertThat(Json.parse(text)).isEqualTo(Map.of(
                "peer", "HAKMEM", "rounds", List.of(Map.of("blocks", 100000.0)), "note", "tab\there"));
    }

    @Test
    void namesTheOffsetOfAnError() {
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessageContaining("offset 5");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }
}
