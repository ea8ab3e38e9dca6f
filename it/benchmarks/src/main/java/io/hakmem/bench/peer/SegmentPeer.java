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

    /**
     * What a user of a C allocator writes to get a bounds-checked block: the address as a segment
     * of exactly the requested size, so every C peer pays the same wrapping cost.
     *
     * @param call the C call, for the error message
     */
    @SuppressWarnings("restricted")
    static MemorySegment wrap(long address, long size, String call) {
        if (address == 0) {
            throw new OutOfMemoryError(call + "(" + size + ") returned NULL");
        }
        return MemorySegment.ofAddress(address).reinterpret(size);
    }
}
