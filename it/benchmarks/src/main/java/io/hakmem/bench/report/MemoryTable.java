package io.hakmem.bench.report;

import io.hakmem.bench.peer.PeerKind;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/** The test_scaling table: a row per allocator and block count. */
@NullMarked
final class MemoryTable {

    private MemoryTable() {}

    static String render(MemoryResults results) {
        StringBuilder md = new StringBuilder();
        md.append("| allocator | blocks x 16 B | live MiB | RSS growth MiB | RSS overhead | heap B/block "
                + "| RSS after free-all MiB | after trim MiB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (MemoryRow r : results.rows()) {
            md.append("| ")
                    .append(label(r.peer()))
                    .append(" | ")
                    .append(r.blocks())
                    .append(" | ")
                    .append(Fmt.mib(r.liveBytes()))
                    .append(" | ")
                    .append(Fmt.mib(r.rssLive()))
                    .append(" | ")
                    .append(Fmt.percent(r.overheadPercent()))
                    .append(" | ")
                    .append(Fmt.value(r.heapPerBlock()))
                    .append(" | ")
                    .append(Fmt.mib(r.rssAfterFree()))
                    .append(" | ")
                    .append(Fmt.mib(r.rssAfterTrim()))
                    .append(" |\n");
        }
        for (Map.Entry<String, String> e : results.errors().entrySet()) {
            md.append("| ")
                    .append(label(e.getKey()))
                    .append(" | failed: ")
                    .append(e.getValue().replace('|', '/'))
                    .append(" | | | | | | |\n");
        }
        return md.toString();
    }

    static String label(String peer) {
        try {
            return PeerKind.valueOf(peer).label();
        } catch (IllegalArgumentException e) {
            return peer;
        }
    }
}
