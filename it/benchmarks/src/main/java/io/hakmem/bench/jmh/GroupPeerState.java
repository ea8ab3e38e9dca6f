package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import io.hakmem.bench.peer.PeerKind;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One allocator shared by the two threads of a JMH group, created for cross-thread frees, plus
 * one ring per thread for handing blocks to the other thread. Whichever thread sets it up is
 * registered with the allocator; each benchmark's thread-scoped state registers both threads.
 */
@NullMarked
@State(Scope.Group)
public class GroupPeerState {
    static final int THREADS = 2;
    private static final int RING = 1024;

    @Param
    public PeerKind peer = PeerKind.FLOOR;

    /** Set by {@link #open()} before any benchmark method runs. */
    public Peer allocator;

    /** {@code inbox[i]} holds blocks that thread {@code i} must free. */
    final SpscRing[] inbox = {new SpscRing(RING), new SpscRing(RING)};

    private final AtomicInteger joined = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() {
        allocator = peer.create(true);
    }

    /** @return 0 for the first thread that asks, 1 for the second */
    int join() {
        return joined.getAndIncrement() % THREADS;
    }

    @TearDown(Level.Trial)
    public void close() {
        for (SpscRing ring : inbox) {
            for (Object block = ring.poll(); block != null; block = ring.poll()) {
                allocator.free(block);
            }
        }
        allocator.close();
    }
}
