package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;

/**
 * One big lazily backed mapping and the power-of-two size classes (16 B to 256 KiB) that the floor
 * peers carve from it. Blocks are slices of the one region segment, the same shape of segment as
 * hakmem's slices of a SuperSlab, so the floor pays what any slicing allocator pays.
 */
@NullMarked
final class Region {
    /** Reserved, not committed: only pages that blocks touch become resident. */
    static final long SIZE = 1L << 30;

    static final int CLASSES = 15;
    static final long MAX_BLOCK = 16L << (CLASSES - 1);

    final long base;
    final MemorySegment segment;

    @SuppressWarnings("restricted")
    Region() {
        base = Libc.mmap(SIZE);
        segment = MemorySegment.ofAddress(base).reinterpret(SIZE);
    }

    /** @return 0 for 16 B, 1 for 32 B, ... 14 for 256 KiB */
    static int classOf(long size) {
        if (size <= 0 || size > MAX_BLOCK) {
            throw new IllegalArgumentException("floor serves 1 to " + MAX_BLOCK + " bytes, not " + size);
        }
        return Math.max(0, 60 - Long.numberOfLeadingZeros(size - 1));
    }

    static long classSize(int sizeClass) {
        return 16L << sizeClass;
    }

    static OutOfMemoryError exhausted() {
        return new OutOfMemoryError("floor region of " + SIZE + " bytes is exhausted");
    }

    void unmap() {
        Libc.munmap(base, SIZE);
    }
}
