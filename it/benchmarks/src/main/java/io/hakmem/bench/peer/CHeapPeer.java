package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/**
 * A C allocator's {@code malloc} (or its zeroing call, for the zeroing comparison) and
 * {@code free}, the address wrapped as a sized segment. Each subclass names its library's
 * {@link CHeapCalls}, a {@code static final} constant: a JMH fork uses one peer class, so
 * {@link #calls()} inlines and the downcalls stay constant for C2.
 */
@NullMarked
abstract class CHeapPeer extends SegmentPeer {
    private final boolean zeroing;
    private final String mallocName;
    private final String zeroingName;

    /**
     * @param zeroing whether blocks must come back zeroed
     * @param mallocName the C call that allocates, for error messages
     * @param zeroingName the C call that allocates zeroed, for error messages
     */
    CHeapPeer(boolean zeroing, String mallocName, String zeroingName) {
        this.zeroing = zeroing;
        this.mallocName = mallocName;
        this.zeroingName = zeroingName;
    }

    /** {@return the library's calls, one constant per subclass} */
    abstract CHeapCalls calls();

    /** {@return the address of {@code size} zeroed bytes; {@code calloc(1, size)} unless overridden} */
    long zeroed(long size) {
        return calls().calloc(size);
    }

    @Override
    public final Object allocate(long size) {
        return zeroing ? wrap(zeroed(size), size, zeroingName) : wrap(calls().malloc(size), size, mallocName);
    }

    @Override
    public final void free(Object block) {
        calls().free(((MemorySegment) block).address());
    }
}
