package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/** A peer whose handles are the {@link MemorySegment}s themselves, written like user code would. */
@NullMarked
abstract class SegmentPeer extends Peer {

    @Override
    public final void write(Object block, long value) {
        ((MemorySegment) block).set(ValueLayout.JAVA_LONG_UNALIGNED, 0, value);
    }

    @Override
    public final long read(Object block) {
        return ((MemorySegment) block).get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
    }
}
