package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.NullMarked;

/**
 * The floor for workloads where blocks cross threads: the same classes and region as
 * {@link FloorPeer}, each free list a Treiber stack. A head holds a 32-bit version above the
 * block index, so a pop that read a stale next pointer loses its compare-and-set (no ABA).
 */
@NullMarked
final class ConcurrentFloorPeer extends SegmentPeer {
    /** Heads sit a cache line apart so classes do not falsely share. */
    private static final int STRIDE = 8;

    private static final long INDEX_MASK = 0xFFFF_FFFFL;
    private static final long VERSION = 1L << 32;

    private final Region region = new Region();
    private final AtomicLongArray heads = new AtomicLongArray(Region.CLASSES * STRIDE);
    private final AtomicLong bump = new AtomicLong();

    @Override
    public Object allocate(long size) {
        int c = Region.classOf(size);
        long offset = pop(c);
        if (offset < 0) {
            offset = bump.getAndAdd(Region.classSize(c));
            if (offset + Region.classSize(c) > Region.SIZE) {
                throw Region.exhausted();
            }
        }
        return region.segment.asSlice(offset, size);
    }

    /** @return the offset of a free block, or -1 */
    private long pop(int c) {
        while (true) {
            long head = heads.get(c * STRIDE);
            long index = head & INDEX_MASK;
            if (index == 0) {
                return -1;
            }
            long offset = (index - 1) << 4;
            long next = region.segment.get(ValueLayout.JAVA_LONG, offset);
            if (heads.compareAndSet(c * STRIDE, head, ((head & ~INDEX_MASK) + VERSION) | next)) {
                return offset;
            }
        }
    }

    @Override
    public void free(Object block) {
        MemorySegment segment = (MemorySegment) block;
        int c = Region.classOf(segment.byteSize());
        long offset = segment.address() - region.base;
        long index = (offset >>> 4) + 1;
        while (true) {
            long head = heads.get(c * STRIDE);
            region.segment.set(ValueLayout.JAVA_LONG, offset, head & INDEX_MASK);
            if (heads.compareAndSet(c * STRIDE, head, ((head & ~INDEX_MASK) + VERSION) | index)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        region.unmap();
    }
}
