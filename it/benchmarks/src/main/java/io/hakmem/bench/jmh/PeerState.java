package io.hakmem.bench.jmh;

import io.hakmem.bench.peer.Peer;
import io.hakmem.bench.peer.PeerKind;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One allocator for one thread; without {@code -p peer=...} JMH runs every {@link PeerKind}. */
@NullMarked
@State(Scope.Thread)
public class PeerState {
    @Param
    public PeerKind peer = PeerKind.FLOOR;

    /** Set by {@link #open()} before any benchmark method runs. */
    public Peer allocator;

    @Setup(Level.Trial)
    public void open() {
        allocator = peer.create(false);
    }

    @TearDown(Level.Trial)
    public void close() {
        allocator.close();
    }
}
