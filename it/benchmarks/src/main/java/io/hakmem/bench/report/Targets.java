package io.hakmem.bench.report;

import io.hakmem.bench.peer.PeerKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * hakmem's targets from the benchmark issues, checked against one run. Each speed target compares
 * hakmem with a peer of its own kind: the default (zeroing) configuration with calloc, and
 * {@code zeroOnAllocate(false)} with malloc, Netty and the floor, which do not clear blocks either.
 * A speed verdict is "met" or "missed" only when the forks' spreads separate (see {@link Ratio});
 * otherwise it is "within noise". Memory targets are single measurements.
 */
@NullMarked
final class Targets {
    private static final String PAIR = "pair, batch 1000 LIFO";
    private static final long ONE_MIB = 1 << 20;

    private Targets() {}

    static String render(List<Score> scores, MemoryResults memory) {
        Map<String, Map<String, Score>> rows = SpeedTable.byWorkload(scores);
        StringBuilder md =
                new StringBuilder("| target | measured [range the spreads allow] | verdict |\n|---|---:|---|\n");
        Map<Ratio.Verdict, Integer> gates = new EnumMap<>(Ratio.Verdict.class);
        // Issue #13: never slower than glibc on any workload, each kind against its own kind.
        for (String workload : rows.keySet()) {
            timeRatio(md, gates, rows, workload, PeerKind.HAKMEM, PeerKind.CALLOC, "calloc", 1.0);
            timeRatio(md, gates, rows, workload, PeerKind.HAKMEM_NO_ZERO, PeerKind.MALLOC, "malloc", 1.0);
        }
        // ... and the pair loop, zeroed, at half of glibc's plain malloc.
        timeRatio(md, gates, rows, PAIR, PeerKind.HAKMEM, PeerKind.MALLOC, "malloc", 0.5);
        memoryTargets(md, memory);
        return md.append('\n').append(summary(gates)).append('\n').toString();
    }

    /** Follows the verdict of a target row that is shown but is not one of the gates. */
    static final String FOR_REFERENCE = "(for reference)";

    /**
     * {@return the count of the speed gates by verdict} Counted here, so that no reader has to count
     * the rows by hand, nor count the rows shown only for reference.
     */
    static String summary(Map<Ratio.Verdict, Integer> gates) {
        StringBuilder text = new StringBuilder("Speed gates in this run: ");
        int total = 0;
        for (Ratio.Verdict v : Ratio.Verdict.values()) {
            int n = gates.getOrDefault(v, 0);
            text.append(n).append(' ').append(v.label()).append(", ");
            total += n;
        }
        return text.append("of ")
                .append(total)
                .append(". Rows marked \"for reference\" are measured but are not gates.")
                .toString();
    }

    /**
     * Adds one target's row, and counts its verdict in {@code gates} unless the workload is shown
     * for reference only (the pair by two threads sharing one allocator is not one of the issue's).
     */
    private static void timeRatio(
            StringBuilder md,
            Map<Ratio.Verdict, Integer> gates,
            Map<String, Map<String, Score>> rows,
            String workload,
            PeerKind subject,
            PeerKind base,
            String baseName,
            double max) {
        Ratio r = ratio(rows, workload, subject, base);
        Ratio.Verdict verdict = r.atMost(max);
        boolean gate = !workload.equals(JmhResults.SHARED_PAIR);
        if (gate) {
            gates.merge(verdict, 1, Integer::sum);
        }
        String target = workload + ": " + subject.label() + " time at most " + Fmt.ratio(max) + " " + baseName;
        line(md, target, r.format(), gate ? verdict.text() : verdict.text() + " " + FOR_REFERENCE);
    }

    private static Ratio ratio(Map<String, Map<String, Score>> rows, String workload, PeerKind subject, PeerKind base) {
        Map<String, Score> cells = rows.getOrDefault(workload, Map.of());
        Score s = cells.get(subject.name());
        Score b = cells.get(base.name());
        return s == null || b == null ? Ratio.UNKNOWN : Ratio.of(s, b);
    }

    private static void memoryTargets(StringBuilder md, MemoryResults memory) {
        for (MemoryRow r : memory.rows()) {
            if (r.blocks() != 1_000_000) {
                continue;
            }
            if (r.peer().equals(PeerKind.HAKMEM.name())) {
                line(
                        md,
                        "1M x 16 B: hakmem RSS overhead at most 5 %",
                        Fmt.percent(r.overheadPercent()),
                        r.overheadPercent() <= 5 ? Ratio.Verdict.MET : Ratio.Verdict.MISSED);
                line(
                        md,
                        "1M x 16 B: hakmem keeps under 1 MiB after free-all and trim()",
                        Fmt.mib(r.rssAfterTrim()) + " MiB",
                        r.rssAfterTrim() < ONE_MIB ? Ratio.Verdict.MET : Ratio.Verdict.MISSED);
            } else if (r.peer().equals(PeerKind.MALLOC.name())) {
                md.append("| 1M x 16 B: malloc RSS overhead, for reference | ")
                        .append(Fmt.percent(r.overheadPercent()))
                        .append(" | |\n");
            }
        }
    }

    private static void line(StringBuilder md, String target, String measured, Ratio.Verdict verdict) {
        line(md, target, measured, verdict.text());
    }

    private static void line(StringBuilder md, String target, String measured, String verdict) {
        md.append("| ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(verdict)
                .append(" |\n");
    }
}
