package io.hakmem.bench.report;

import io.hakmem.bench.peer.PeerKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * The JMH table: a row per workload, a column per allocator; each cell holds nanoseconds per
 * operation, then the ratio to the floor and the ratio to malloc (lower is better everywhere).
 */
@NullMarked
final class SpeedTable {

    private SpeedTable() {
    }

    static String render(List<Score> scores) {
        Map<String, Map<String, Score>> rows = byWorkload(scores);
        List<PeerKind> peers = presentPeers(scores);
        StringBuilder md = new StringBuilder();
        md.append("| workload |");
        peers.forEach(p -> md.append(' ').append(p.label()).append(" |"));
        md.append("\n|---|");
        peers.forEach(p -> md.append("---:|"));
        md.append('\n');
        rows.forEach((workload, cells) -> {
            md.append("| ").append(workload).append(" |");
            for (PeerKind peer : peers) {
                md.append(' ').append(cell(cells, peer)).append(" |");
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

    private static List<PeerKind> presentPeers(List<Score> scores) {
        List<PeerKind> present = new ArrayList<>();
        for (PeerKind kind : PeerKind.values()) {
            if (scores.stream().anyMatch(s -> s.peer().equals(kind.name()))) {
                present.add(kind);
            }
        }
        return present;
    }

    private static String cell(Map<String, Score> cells, PeerKind peer) {
        Score s = cells.get(peer.name());
        if (s == null) {
            return "n/a";
        }
        return Fmt.value(s.score()) + " (" + Fmt.ratio(ratio(cells, s, PeerKind.FLOOR)) + " / "
                + Fmt.ratio(ratio(cells, s, PeerKind.MALLOC)) + ")";
    }

    /** @return {@code s}'s score over {@code base}'s in the same row, NaN if base did not run */
    static double ratio(Map<String, Score> cells, Score s, PeerKind base) {
        Score b = cells.get(base.name());
        return b == null ? Double.NaN : s.score() / b.score();
    }
}
