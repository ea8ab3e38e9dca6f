package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every workload inherits: nanoseconds per operation, three forks, so that the report
 * can show a run-to-run spread and judge targets against it, and short iterations in each (2 x 1 s
 * warm-up, 3 x 0.5 s measured); hakmem's deeper call chains need the full second of warm-up to
 * reach C2 code on a busy machine. JMH's {@code -f}, {@code -wi}, {@code -i}, {@code -w} and
 * {@code -r} options override them.
 */
@NullMarked
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 3,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
public abstract class BenchmarkDefaults {

    /**
     * The batch pattern: allocates {@code held.length} blocks of {@code size} bytes, writes each,
     * then frees them in LIFO order.
     */
    static void allocateWriteFreeLifo(Peer peer, Object[] held, long size) {
        for (int i = 0; i < held.length; i++) {
            Object block = peer.allocate(size);
            peer.write(block, i);
            held[i] = block;
        }
        for (int i = held.length - 1; i >= 0; i--) {
            peer.free(held[i]);
        }
    }
}
