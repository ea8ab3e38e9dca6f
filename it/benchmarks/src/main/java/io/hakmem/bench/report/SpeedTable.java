package io.hakmem.bench.report;

import io.hakmem.bench.peer.PeerKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * The JMH tables, one for allocators that clear the blocks they hand out and one for those that
 * do not, so that hakmem's default meets calloc, je_calloc and mi_zalloc, and hakmem without
 * zeroing meets malloc, jemalloc, rpmalloc and mimalloc. A row per workload, a column per
 * allocator, hakmem's configurations first; each cell holds the median nanoseconds per operation over
 * the forks, their range, then the ratios of medians to the floor and to the table's C baseline
 * (lower is better everywhere).
 */
@NullMarked
final class SpeedTable {

    private SpeedTable() {}

    /** @return both tables, each under a heading line; a table with no scores is left out */
    static String render(List<Score> scores) {
        StringBuilder md = new StringBuilder();
        for (boolean zeroing : new boolean[] {true, false}) {
            List<PeerKind> peers = presentPeers(scores, zeroing);
            if (peers.isEmpty()) {
                continue;
            }
            PeerKind base = peers.get(0).cBaseline();
            md.append(
                    zeroing
                            ? "### Zeroing allocators (blocks come back cleared)\n\n"
                            : "### Non-zeroing allocators (blocks come back with old contents)\n\n");
            md.append("Each cell: median ns/op [fastest-slowest fork] (ratio to the floor / ratio to ")
                    .append(base.label())
                    .append(").\n\n");
            md.append(table(scores, peers, base));
            md.append('\n');
        }
        return md.toString();
    }

    static String table(List<Score> scores, List<PeerKind> peers, PeerKind base) {
        StringBuilder md = new StringBuilder();
        md.append("| workload |");
        peers.forEach(p -> md.append(' ').append(p.label()).append(" |"));
        md.append("\n|---|");
        peers.forEach(p -> md.append("---:|"));
        md.append('\n');
        byWorkload(scores).forEach((workload, cells) -> {
            md.append("| ").append(workload).append(" |");
            for (PeerKind peer : peers) {
                md.append(' ').append(cell(cells, peer, base)).append(" |");
            }
            md.append('\n');
        });
        return md.toString();
    }

    /** @return workload label to peer name to score, rows in report order */
    static Map<String, Map<String, Score>> byWorkload(List<Score> scores) {
        List<Score> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingInt(Score::order));
        Map<String, Map<String, Score>> rows = new LinkedHashMap<>();
        for (Score s : sorted) {
            rows.computeIfAbsent(s.workload(), w -> new LinkedHashMap<>()).put(s.peer(), s);
        }
        return rows;
    }

    /** @return the peers of one kind that have scores, hakmem's configurations first */
    static List<PeerKind> presentPeers(List<Score> scores, boolean zeroing) {
        List<PeerKind> present = new ArrayList<>();
        for (PeerKind kind : PeerKind.values()) {
            if (kind.zeroing() == zeroing
                    && scores.stream().anyMatch(s -> s.peer().equals(kind.name()))) {
                present.add(kind);
            }
        }
        // Stable sort: hakmem's configurations lead, in declaration order, then the peers.
        present.sort(Comparator.comparing((PeerKind k) -> !k.name().startsWith("HAKMEM")));
        return present;
    }

    private static String cell(Map<String, Score> cells, PeerKind peer, PeerKind base) {
        Score s = cells.get(peer.name());
        if (s == null) {
            return "n/a";
        }
        return Fmt.value(s.score()) + " [" + Fmt.value(s.min()) + "-" + Fmt.value(s.max()) + "] ("
                + Fmt.ratio(ratio(cells, s, PeerKind.FLOOR)) + " / " + Fmt.ratio(ratio(cells, s, base)) + ")";
    }

    /** @return {@code s}'s score over {@code base}'s in the same row, NaN if base did not run */
    static double ratio(Map<String, Score> cells, Score s, PeerKind base) {
        Score b = cells.get(base.name());
        return b == null ? Double.NaN : s.score() / b.score();
    }
}
