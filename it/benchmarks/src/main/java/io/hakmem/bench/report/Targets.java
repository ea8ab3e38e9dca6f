package io.hakmem.bench.report;

import io.hakmem.bench.peer.PeerKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * hakmem's targets from the benchmark issues, checked against one run: ratios of hakmem (default
 * settings) to its peers, and its memory overhead at 1M blocks.
 */
@NullMarked
final class Targets {
    private static final String PAIR = "pair, batch 1000 LIFO";
    private static final long ONE_MIB = 1 << 20;

    private Targets() {
    }

    static String render(List<Score> scores, MemoryResults memory) {
        Map<String, Map<String, Score>> rows = SpeedTable.byWorkload(scores);
        StringBuilder md = new StringBuilder("| target | measured | verdict |\n|---|---:|---|\n");
        timeRatio(md, rows, PAIR, PeerKind.FLOOR, "at most 2.0x the floor", 2.0);
        timeRatio(md, rows, PAIR, PeerKind.MALLOC, "at most 0.35x malloc", 0.35);
        timeRatio(md, rows, PAIR, PeerKind.NETTY_POOLED, "at most 0.1x Netty pooled", 0.1);
        throughput(md, rows, "random-mixed", 1.5);
        throughput(md, rows, "xmalloc, 2 threads", 1.0);
        throughput(md, rows, "larson, 2 threads", 1.0);
        memoryTargets(md, memory);
        return md.toString();
    }

    private static void timeRatio(StringBuilder md, Map<String, Map<String, Score>> rows, String workload,
                                  PeerKind base, String target, double max) {
        double r = hakmemOver(rows, workload, base);
        line(md, workload + ": hakmem time " + target, Fmt.ratio(r), r <= max);
    }

    /** Throughput ratio = the peer's time over hakmem's time. */
    private static void throughput(StringBuilder md, Map<String, Map<String, Score>> rows, String workload,
                                   double min) {
        double r = 1 / hakmemOver(rows, workload, PeerKind.MALLOC);
        line(md, workload + ": hakmem throughput at least " + Fmt.ratio(min) + " malloc's", Fmt.ratio(r), r >= min);
    }

    private static double hakmemOver(Map<String, Map<String, Score>> rows, String workload, PeerKind base) {
        Map<String, Score> cells = rows.getOrDefault(workload, Map.of());
        Score hakmem = cells.get(PeerKind.HAKMEM.name());
        return hakmem == null ? Double.NaN : SpeedTable.ratio(cells, hakmem, base);
    }

    private static void memoryTargets(StringBuilder md, MemoryResults memory) {
        for (MemoryRow r : memory.rows()) {
            if (r.blocks() != 1_000_000) {
                continue;
            }
            if (r.peer().equals(PeerKind.HAKMEM.name())) {
                line(md, "1M x 16 B: hakmem RSS overhead at most 5 %", Fmt.percent(r.overheadPercent()),
                        r.overheadPercent() <= 5);
                line(md, "1M x 16 B: hakmem keeps under 1 MiB after free-all and trim()",
                        Fmt.mib(r.rssAfterTrim()) + " MiB", r.rssAfterTrim() < ONE_MIB);
            } else if (r.peer().equals(PeerKind.MALLOC.name())) {
                md.append("| 1M x 16 B: malloc RSS overhead, for reference | ")
                        .append(Fmt.percent(r.overheadPercent())).append(" | |\n");
            }
        }
    }

    private static void line(StringBuilder md, String target, String measured, boolean met) {
        boolean known = !measured.startsWith("n/a");
        md.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(known ? (met ? "met" : "**missed**") : "not measured").append(" |\n");
    }
}
