package io.hakmem.bench.report;

import io.hakmem.maven.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * Reads the memory comparison's JSON: per allocator either rounds or an error.
 *
 * @param rows   every round of every allocator that ran
 * @param errors allocator name to why its child JVM failed
 */
@NullMarked
public record MemoryResults(List<MemoryRow> rows, Map<String, String> errors) {

    /**
     * @param json the text written by {@code MemoryComparison}
     * @return the parsed rounds and failures
     * @throws IllegalArgumentException if the text is not a JSON array
     */
    public static MemoryResults parse(String json) {
        if (!(Json.parse(json) instanceof List<?> peers)) {
            throw new IllegalArgumentException("memory result file must hold a JSON array");
        }
        List<MemoryRow> rows = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Object item : peers) {
            if (!(item instanceof Map<?, ?> peer)) {
                continue;
            }
            String name = String.valueOf(peer.get("peer"));
            if (peer.get("error") != null) {
                errors.put(name, String.valueOf(peer.get("error")));
            }
            if (peer.get("rounds") instanceof List<?> rounds) {
                for (Object round : rounds) {
                    if (round instanceof Map<?, ?> r) {
                        rows.add(new MemoryRow(
                                name,
                                num(r, "blocks"),
                                num(r, "liveBytes"),
                                num(r, "rssLiveBytes"),
                                num(r, "heapLiveBytes"),
                                num(r, "rssAfterFreeBytes"),
                                num(r, "rssAfterTrimBytes")));
                    }
                }
            }
        }
        return new MemoryResults(rows, errors);
    }

    private static long num(Map<?, ?> map, String key) {
        if (map.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("memory round lacks number '" + key + "': " + map);
    }
}
