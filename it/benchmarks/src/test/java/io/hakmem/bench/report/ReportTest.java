package io.hakmem.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    /** A JMH result with three forks of three iterations, each fork's median given first. */
    private static String run(
            String benchmark, String peer, double fork1, double fork2, double fork3, String extraParams) {
        return """
                {"benchmark": "io.hakmem.bench.jmh.%s", "mode": "avgt",
                 "params": {"peer": "%s"%s},
                 "primaryMetric": {"score": 0, "scoreError": "NaN", "scoreUnit": "ns/op",
                   "rawData": [[%s, %s, %s], [%s, %s, %s], [%s, %s, %s]]}}
                """.formatted(
                        benchmark,
                        peer,
                        extraParams,
                        fork1,
                        fork1 * 0.5,
                        fork1 * 9,
                        fork2,
                        fork2 * 9,
                        fork2 * 0.5,
                        fork3,
                        fork3,
                        fork3 * 9);
    }

    private static String run(String benchmark, String peer, double score, String extraParams) {
        return run(benchmark, peer, score, score, score, extraParams);
    }

    private static final String JMH = "["
            + String.join(
                    ",",
                    run("PairBenchmark.batch1000", "FLOOR", 3.0, ""),
                    run("PairBenchmark.batch1000", "MALLOC", 24.0, 22.0, 26.0, ""),
                    run("PairBenchmark.batch1000", "CALLOC", 30.0, ""),
                    run("PairBenchmark.batch1000", "NETTY_POOLED", 120.0, ""),
                    run("PairBenchmark.batch1000", "HAKMEM", 9.0, 10.0, 11.0, ""),
                    run("PairBenchmark.batch1000", "HAKMEM_NO_ZERO", 6.0, 5.5, 7.0, ""),
                    run("PairBenchmark.batch1000", "JEMALLOC", 12.0, ""),
                    run("PairBenchmark.batch1000", "HAKMEM_NO_MAG", 14.0, ""),
                    run("SizeSweepBenchmark.sweep", "FLOOR", 5.0, ", \"size\": \"262144\""),
                    run("SizeSweepBenchmark.sweep", "FLOOR", 4.0, ", \"size\": \"256\""),
                    run("RandomMixedBenchmark.randomMixed", "MALLOC", 30.0, ""),
                    run("RandomMixedBenchmark.randomMixed", "HAKMEM_NO_ZERO", 25.0, 19.0, 21.0, ""),
                    run("RandomMixedBenchmark.randomMixed", "CALLOC", 45.0, ""),
                    run("RandomMixedBenchmark.randomMixed", "HAKMEM", 20.0, 28.0, 40.0, ""))
            + "]";

    private static final String MEMORY = """
            [{"peer": "HAKMEM", "baselineRssBytes": 1, "rounds": [{"blocks": 1000000, "liveBytes": 16000000,
              "rssLiveBytes": 16640000, "heapLiveBytes": 40000000, "rssAfterFreeBytes": 2097152,
              "rssAfterTrimBytes": 4096}]},
             {"peer": "NETTY_POOLED", "error": "exit 1: boom"}]
            """;

    @Test
    void scoresAreMediansOfForkMediansWithTheForkRange() {
        Score malloc = JmhResults.parse(JMH).stream()
                .filter(s -> s.peer().equals("MALLOC") && s.workload().startsWith("pair"))
                .findFirst()
                .orElseThrow();
        assertThat(malloc.score()).isEqualTo(24.0);
        assertThat(malloc.min()).isEqualTo(22.0);
        assertThat(malloc.max()).isEqualTo(26.0);
        assertThat(malloc.forks()).isEqualTo(3);
    }

    @Test
    void oneForkTakesItsSpreadFromItsIterations() {
        String oneFork = """
                [{"benchmark": "io.hakmem.bench.jmh.PairBenchmark.batch1", "params": {"peer": "MALLOC"},
                  "primaryMetric": {"score": 21, "scoreUnit": "ns/op", "rawData": [[20, 25, 21, 19]]}}]
                """;
        Score s = JmhResults.parse(oneFork).get(0);
        assertThat(s.score()).isEqualTo(20.5);
        assertThat(s.min()).isEqualTo(19.0);
        assertThat(s.max()).isEqualTo(25.0);
        assertThat(s.forks()).isEqualTo(1);
    }

    @Test
    void speedTablesPairZeroingAndNonZeroingAllocatorsWithTheirOwnBaselines() {
        String md = SpeedTable.render(JmhResults.parse(JMH));
        int zeroing = md.indexOf("### Zeroing allocators");
        int plain = md.indexOf("### Non-zeroing allocators");
        assertThat(zeroing).isNotNegative().isLessThan(plain);
        String zeroingTable = md.substring(zeroing, plain);
        String plainTable = md.substring(plain);
        assertThat(zeroingTable)
                .contains("(ratio to the floor / ratio to calloc)")
                .contains("| workload | hakmem | hakmem magCap=0 | calloc |")
                .contains(
                        "| pair, batch 1000 LIFO | 10.0 [9.00-11.0] (3.33x / 0.33x) | 14.0 [14.0-14.0] (4.67x / 0.47x) "
                                + "| 30.0 [30.0-30.0] (10.0x / 1.00x) |")
                .doesNotContain("malloc |");
        assertThat(plainTable)
                .contains("(ratio to the floor / ratio to malloc)")
                .contains("| workload | hakmem no zeroing | floor | malloc | jemalloc | Netty pooled |")
                .contains(
                        "| pair, batch 1000 LIFO | 6.00 [5.50-7.00] (2.00x / 0.25x) | 3.00 [3.00-3.00] (1.00x / 0.13x) "
                                + "| 24.0 [22.0-26.0] (8.00x / 1.00x) | 12.0 [12.0-12.0] (4.00x / 0.50x) ")
                .contains("| random-mixed | 21.0 [19.0-25.0] (n/a / 0.70x) | n/a | 30.0 [30.0-30.0] (n/a / 1.00x) |");
        assertThat(plainTable.indexOf("256 B")).isLessThan(plainTable.indexOf("256 KiB"));
    }

    @Test
    void memoryTableComputesOverheadAndShowsFailures() {
        String md = MemoryTable.render(MemoryResults.parse(MEMORY));
        assertThat(md).contains("| hakmem | 1000000 | 15.3 | 15.9 | 4.0 % | 40.0 | 2.0 | 0.0 |");
        assertThat(md).contains("| Netty pooled | failed: exit 1: boom |");
    }

    @Test
    void targetsPairEachHakmemWithItsOwnKindOfGlibcAndRespectTheSpread() {
        String md = Targets.render(JmhResults.parse(JMH), MemoryResults.parse(MEMORY));
        assertThat(md)
                .contains("| pair, batch 1000 LIFO: hakmem time at most 1.00x calloc | 0.33x [0.30-0.37x] | met |");
        assertThat(md)
                .contains("| pair, batch 1000 LIFO: hakmem no zeroing time at most 1.00x malloc "
                        + "| 0.25x [0.21-0.32x] | met |");
        // 10 [9-11] over 24 [22-26]: the whole range is 0.35-0.50x, at most half of malloc.
        assertThat(md)
                .contains("| pair, batch 1000 LIFO: hakmem time at most 0.50x malloc | 0.42x [0.35-0.50x] | met |");
        assertThat(md)
                .contains("| random-mixed: hakmem no zeroing time at most 1.00x malloc | 0.70x [0.63-0.83x] | met |");
        assertThat(md).doesNotContain("xmalloc").doesNotContain("Netty");
        assertThat(md).contains("| 1M x 16 B: hakmem RSS overhead at most 5 % | 4.0 % | met |");
    }

    @Test
    void targetsCountTheGatesByVerdictAndLeaveTheSharedPairOutOfTheCount() {
        String jmh = "["
                + String.join(
                        ",",
                        // Within noise: 7.3 [7.0-7.6] against 7.2 [7.1-7.5] overlap.
                        run("PairBenchmark.batch1", "HAKMEM_NO_ZERO", 7.3, 7.0, 7.6, ""),
                        run("PairBenchmark.batch1", "MALLOC", 7.2, 7.1, 7.5, ""),
                        // Missed, but shown for reference only: two threads sharing one allocator.
                        run("SharedPairBenchmark.sharedPair", "HAKMEM_NO_ZERO", 9.0, ""),
                        run("SharedPairBenchmark.sharedPair", "MALLOC", 7.0, ""))
                + "]";
        String md = Targets.render(JmhResults.parse(jmh), new MemoryResults(List.of(), Map.of()));
        assertThat(md)
                .contains("| pair, batch 1: hakmem no zeroing time at most 1.00x malloc | 1.01x [0.93-1.07x] "
                        + "| within noise |")
                .contains("| pair, batch 1, 2 threads: hakmem no zeroing time at most 1.00x malloc "
                        + "| 1.29x [1.29-1.29x] | **missed** (for reference) |");
        // Counted: the pair's two rows (calloc not run: not measured) and the zeroed pair at half of
        // malloc (batch 1000 not run: not measured); not the shared pair's.
        assertThat(md).contains("Speed gates in this run: 0 met, 1 within noise, 0 missed, 2 not measured, of 3.");
    }

    @Test
    void reportNamesTheCommandAndTheMachine() {
        String md = Report.render(List.of(), new MemoryResults(List.of(), Map.of()), "test machine");
        assertThat(md).contains(Report.COMMAND).contains("test machine");
    }
}
