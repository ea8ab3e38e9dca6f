package io.hakmem.bench.memory;

import io.hakmem.bench.peer.PeerKind;
import io.hakmem.bench.report.JsonWriter;
import io.hakmem.maven.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * Runs {@link MemoryProbe} in a fresh JVM per allocator and collects the results in one JSON file.
 * The child's heap is fixed and pre-touched ({@code -Xms} = {@code -Xmx},
 * {@code -XX:+AlwaysPreTouch}) so that heap growth never shows up as resident growth, and it
 * compiles with C1 only so that compiler memory stays out of the figures.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp ... io.hakmem.bench.memory.MemoryComparison memory.json
 * }</pre>
 */
@NullMarked
public final class MemoryComparison {
    static final String HEAP = "768m";

    private MemoryComparison() {}

    /** @param args the output file, then optionally peer names (default: all) */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: MemoryComparison OUT.json [PEER_KIND...]");
        }
        List<PeerKind> peers = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            peers.add(PeerKind.valueOf(args[i]));
        }
        run(Path.of(args[0]), peers.isEmpty() ? PeerKind.availableKinds() : peers);
    }

    /**
     * @param out   the JSON file to write
     * @param peers the allocators to measure, one child JVM each
     */
    public static void run(Path out, List<PeerKind> peers) throws IOException, InterruptedException {
        ensureParent(out);
        List<Object> results = new ArrayList<>();
        for (PeerKind peer : peers) {
            System.out.println("# memory: " + peer.label());
            results.add(fork(peer));
        }
        Files.writeString(out, JsonWriter.write(results) + "\n", StandardCharsets.UTF_8);
    }

    private static Object fork(PeerKind peer) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = Files.createTempFile("hakmem-memory-", ".err");
        try {
            Process child = new ProcessBuilder(
                            java,
                            "--enable-native-access=ALL-UNNAMED",
                            "-Xms" + HEAP,
                            "-Xmx" + HEAP,
                            "-XX:+AlwaysPreTouch",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            MemoryProbe.class.getName(),
                            peer.name())
                    .redirectError(errors.toFile())
                    .start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = child.waitFor();
            String last = lastLine(output);
            if (exit == 0 && last.startsWith("{")) {
                return Json.parse(last);
            }
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            System.out.print(stderr);
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("peer", peer.name());
            failed.put("error", "exit " + exit + ": " + firstLine(stderr));
            return failed;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String lastLine(String text) {
        return text.strip().lines().reduce((a, b) -> b).orElse("");
    }

    /** @return the exception line, skipping the JVM's warnings */
    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse("");
    }

    private static void ensureParent(Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
    }
}
