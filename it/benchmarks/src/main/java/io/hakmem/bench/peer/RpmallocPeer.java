package io.hakmem.bench.peer;

import org.jspecify.annotations.NullMarked;

/**
 * rpmalloc's {@code rpmalloc} and {@code rpfree}. The only peer that needs
 * {@link #registerThread()}: without it a thread has no rpmalloc heap and its first allocation
 * crashes the JVM. The constructor registers the creating thread.
 */
@NullMarked
final class RpmallocPeer extends CHeapPeer {

    RpmallocPeer() {
        super(false, "rpmalloc", "rpmalloc");
        Rpmalloc.initializeThread();
    }

    @Override
    CHeapCalls calls() {
        return Rpmalloc.CALLS;
    }

    @Override
    public void registerThread() {
        Rpmalloc.initializeThread();
    }
}
