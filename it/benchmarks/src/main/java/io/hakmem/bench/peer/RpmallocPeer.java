package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/**
 * rpmalloc's {@code rpmalloc} and {@code rpfree}. The only peer that needs
 * {@link #registerThread()}: without it a thread has no rpmalloc heap and its first allocation
 * crashes the JVM. The constructor registers the creating thread.
 */
@NullMarked
final class RpmallocPeer extends SegmentPeer {

    RpmallocPeer() {
        Rpmalloc.initializeThread();
    }

    @Override
    public void registerThread() {
        Rpmalloc.initializeThread();
    }

    @Override
    public Object allocate(long size) {
        return wrap(Rpmalloc.CALLS.malloc(size), size, "rpmalloc");
    }

    @Override
    public void free(Object block) {
        Rpmalloc.CALLS.free(((MemorySegment) block).address());
    }
}
