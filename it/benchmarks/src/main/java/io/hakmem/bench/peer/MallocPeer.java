package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/** glibc malloc and free through critical downcalls, the address wrapped as a sized segment. */
@NullMarked
final class MallocPeer extends SegmentPeer {

    @Override
    @SuppressWarnings("restricted")
    public Object allocate(long size) {
        long address = Libc.malloc(size);
        if (address == 0) {
            throw new OutOfMemoryError("malloc(" + size + ") returned NULL");
        }
        return MemorySegment.ofAddress(address).reinterpret(size);
    }

    @Override
    public void free(Object block) {
        Libc.free(((MemorySegment) block).address());
    }

    @Override
    public void trim() {
        Libc.mallocTrim();
    }
}
