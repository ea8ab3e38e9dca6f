package io.hakmem.bench.trim;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.NullMarked;

/**
 * A service-like load, bursts of allocation separated by idle pauses, run once per background
 * trim interval. For each interval it reports the burst cost (thread CPU per allocate+free pair),
 * the trimmer thread's own CPU time, and the memory still mapped while the service idles.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp ... io.hakmem.bench.trim.BackgroundTrimTradeoff
 * }</pre>
 */
@NullMarked
public final class BackgroundTrimTradeoff {

    private static final int BURSTS = 8;
    private static final int BLOCKS_PER_BURST = 200_000;
    private static final long IDLE_MILLIS = 400;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BackgroundTrimTradeoff() {}

    /** One row of the result table. */
    record Row(String interval, double nsPerPair, double trimmerCpuMillis, long idleMappedAvg, long idleMappedEnd) {}

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        Duration[] intervals = {Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1)};
        run(Duration.ZERO); // warm-up: compiles the burst loop for every row alike
        StringBuilder table = new StringBuilder()
                .append(
                        "| background trim | burst cost (ns/pair) | trimmer CPU (ms) | mapped while idle, average | mapped at the end of each idle |\n")
                .append("|---|---|---|---|---|\n");
        for (Duration interval : intervals) {
            Row r = run(interval);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f MiB | %.1f MiB |%n",
                    r.interval,
                    r.nsPerPair,
                    r.trimmerCpuMillis,
                    r.idleMappedAvg / 1048576.0,
                    r.idleMappedEnd / 1048576.0));
        }
        System.out.print(table);
    }

    static Row run(Duration interval) throws Exception {
        HakmemConfig config =
                HakmemConfig.builder().backgroundTrimInterval(interval).build();
        long burstCpu = 0;
        long idleSamples = 0;
        long idleMappedSum = 0;
        long idleMappedEndSum = 0;
        long trimmerBefore = trimmerCpuNanos();
        SplittableRandom random = new SplittableRandom(42);
        MemorySegment[] blocks = new MemorySegment[BLOCKS_PER_BURST];
        try (HakmemArena arena = HakmemArena.create(config)) {
            for (int burst = 0; burst < BURSTS; burst++) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = arena.allocate(16 + random.nextInt(241));
                    blocks[i].set(ValueLayout.JAVA_LONG_UNALIGNED, 0, i);
                }
                for (MemorySegment b : blocks) {
                    arena.free(b);
                }
                burstCpu += THREADS.getCurrentThreadCpuTime() - t0;
                long idleEnd = System.nanoTime() + IDLE_MILLIS * 1_000_000;
                long mapped = arena.stats().mappedBytes();
                while (System.nanoTime() < idleEnd) {
                    Thread.sleep(20);
                    mapped = arena.stats().mappedBytes();
                    idleMappedSum += mapped;
                    idleSamples++;
                }
                idleMappedEndSum += mapped;
            }
        }
        long trimmerCpu = trimmerCpuNanos() - trimmerBefore;
        return new Row(
                interval.isZero() ? "off" : interval.toMillis() + " ms",
                (double) burstCpu / ((long) BURSTS * BLOCKS_PER_BURST),
                trimmerCpu / 1e6,
                idleMappedSum / Math.max(1, idleSamples),
                idleMappedEndSum / BURSTS);
    }

    /** CPU time of the shared trimmer thread so far, 0 when it does not run. */
    private static long trimmerCpuNanos() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("hakmem-background-trim")) {
                return Math.max(0, THREADS.getThreadCpuTime(t.threadId()));
            }
        }
        return 0;
    }
}
