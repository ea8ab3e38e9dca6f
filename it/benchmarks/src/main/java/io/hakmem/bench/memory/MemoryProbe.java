package io.hakmem.bench.memory;

import io.hakmem.bench.peer.Peer;
import io.hakmem.bench.peer.PeerKind;
import io.hakmem.bench.report.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * The child process of {@link MemoryComparison}, one per allocator: test_scaling in one JVM.
 * For each N it allocates N blocks of 16 B, writes them, measures, frees them all, measures, trims
 * and measures again; every figure is relative to one baseline taken before the first round.
 * Prints one JSON object on standard output.
 */
@NullMarked
public final class MemoryProbe {
    static final long BLOCK = 16;
    static final int[] ROUNDS = {100_000, 500_000, 1_000_000};
    private static final int WARM_UP_BLOCKS = 20_000;

    private MemoryProbe() {}

    /** @param args the {@link PeerKind} name */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MemoryProbe PEER_KIND, got " + List.of(args));
        }
        PeerKind kind = PeerKind.valueOf(args[0]);
        System.out.println(JsonWriter.write(measure(kind)));
    }

    static Map<String, Object> measure(PeerKind kind) {
        Object[] handles = new Object[ROUNDS[ROUNDS.length - 1]];
        warmUp(kind, handles);
        try (Peer peer = kind.create(false)) {
            long heap0 = Footprint.heapBytesAfterGc();
            long rss0 = Footprint.residentBytes();
            List<Object> rounds = new ArrayList<>();
            for (int n : ROUNDS) {
                rounds.add(round(peer, handles, n, rss0, heap0));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("peer", kind.name());
            result.put("baselineRssBytes", rss0);
            result.put("rounds", rounds);
            return result;
        }
    }

    /** Runs the same code on a throw-away instance, so compiling it is not measured. */
    private static void warmUp(PeerKind kind, Object[] handles) {
        try (Peer peer = kind.create(false)) {
            for (int i = 0; i < 3; i++) {
                fill(peer, handles, WARM_UP_BLOCKS);
                drain(peer, handles, WARM_UP_BLOCKS);
            }
        }
    }

    private static Map<String, Object> round(Peer peer, Object[] handles, int n, long rss0, long heap0) {
        fill(peer, handles, n);
        long heapLive = Footprint.heapBytesAfterGc() - heap0;
        long rssLive = Footprint.residentBytes() - rss0;
        check(peer, handles, n);
        drain(peer, handles, n);
        Footprint.heapBytesAfterGc();
        long rssFreed = Footprint.residentBytes() - rss0;
        peer.trim();
        long rssTrimmed = Footprint.residentBytes() - rss0;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("blocks", n);
        r.put("liveBytes", n * BLOCK);
        r.put("rssLiveBytes", rssLive);
        r.put("heapLiveBytes", heapLive);
        r.put("rssAfterFreeBytes", rssFreed);
        r.put("rssAfterTrimBytes", rssTrimmed);
        return r;
    }

    private static void fill(Peer peer, Object[] handles, int n) {
        for (int i = 0; i < n; i++) {
            Object block = peer.allocate(BLOCK);
            peer.write(block, i);
            handles[i] = block;
        }
    }

    /** Reads every block back, so a broken peer cannot post good numbers. */
    private static void check(Peer peer, Object[] handles, int n) {
        for (int i = 0; i < n; i++) {
            long value = peer.read(handles[i]);
            if (value != i) {
                throw new IllegalStateException("block " + i + " holds " + value + ", expected " + i);
            }
        }
    }

    private static void drain(Peer peer, Object[] handles, int n) {
        for (int i = 0; i < n; i++) {
            peer.free(handles[i]);
            handles[i] = null;
        }
    }
}
