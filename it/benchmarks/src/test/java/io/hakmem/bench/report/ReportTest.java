package io.hakmem.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static String run(String benchmark, String peer, double score, String extraParams) {
        return """
                {"benchmark": "io.hakmem.bench.jmh.%s", "mode": "avgt",
                 "params": {"peer": "%s"%s},
                 "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "ns/op"}}
                """.formatted(benchmark, peer, extraParams, score);
    }

    private static final String JMH = "[" + String.join(",",
            run("PairBenchmark.batch1000", "FLOOR", 3.0, ""),
            run("PairBenchmark.batch1000", "MALLOC", 24.0, ""),
            run("PairBenchmark.batch1000", "NETTY_POOLED", 120.0, ""),
            run("PairBenchmark.batch1000", "HAKMEM", 6.0, ""),
            run("SizeSweepBenchmark.sweep", "FLOOR", 5.0, ", \"size\": \"65536\""),
            run("SizeSweepBenchmark.sweep", "FLOOR", 4.0, ", \"size\": \"256\""),
            run("RandomMixedBenchmark.randomMixed", "MALLOC", 30.0, ""),
            run("RandomMixedBenchmark.randomMixed", "HAKMEM", 25.0, "")) + "]";

    private static final String MEMORY = """
            [{"peer": "HAKMEM", "baselineRssBytes": 1, "rounds": [{"blocks": 1000000, "liveBytes": 16000000,
              "rssLiveBytes": 16640000, "heapLiveBytes": 40000000, "rssAfterFreeBytes": 2097152,
              "rssAfterTrimBytes": 4096}]},
             {"peer": "NETTY_POOLED", "error": "exit 1: boom"}]
            """;

    @Test
    void speedTableGivesRatiosToFloorAndMallocInWorkloadOrder() {
        String md = SpeedTable.render(JmhResults.parse(JMH));
        assertThat(md).startsWith("| workload | floor | malloc | Netty pooled | hakmem |");
        assertThat(md).contains("| pair, batch 1000 LIFO | 3.00 (1.00x / 0.13x) | 24.0 (8.00x / 1.00x) "
                + "| 120 (40.0x / 5.00x) | 6.00 (2.00x / 0.25x) |");
        assertThat(md.indexOf("256 B")).isLessThan(md.indexOf("65536 B"));
        assertThat(md).contains("| random-mixed | n/a | 30.0 (n/a / 1.00x) | n/a | 25.0 (n/a / 0.83x) |");
    }

    @Test
    void memoryTableComputesOverheadAndShowsFailures() {
        String md = MemoryTable.render(MemoryResults.parse(MEMORY));
        assertThat(md).contains("| hakmem | 1000000 | 15.3 | 15.9 | 4.0 % | 40.0 | 2.0 | 0.0 |");
        assertThat(md).contains("| Netty pooled | failed: exit 1: boom |");
    }

    @Test
    void targetsAreJudgedFromTheSameRun() {
        String md = Targets.render(JmhResults.parse(JMH), MemoryResults.parse(MEMORY));
        assertThat(md).contains("| pair, batch 1000 LIFO: hakmem time at most 2.0x the floor | 2.00x | met |");
        assertThat(md).contains("| pair, batch 1000 LIFO: hakmem time at most 0.35x malloc | 0.25x | met |");
        assertThat(md).contains("at most 0.1x Netty pooled | 0.05x | met |");
        assertThat(md).contains("| random-mixed: hakmem throughput at least 1.50x malloc's | 1.20x | **missed** |");
        assertThat(md).contains("| xmalloc, 2 threads: hakmem throughput at least 1.00x malloc's | n/a | not measured |");
        assertThat(md).contains("| 1M x 16 B: hakmem RSS overhead at most 5 % | 4.0 % | met |");
    }

    @Test
    void reportNamesTheCommandAndTheMachine() {
        String md = Report.render(List.of(), new MemoryResults(List.of(), Map.of()), "test machine");
        assertThat(md).contains(Report.COMMAND).contains("test machine");
    }
}
