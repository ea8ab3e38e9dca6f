package io.hakmem.bench.peer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/**
 * The floor: one LIFO free list per power-of-two class, its next pointers stored inside the free
 * blocks, over one pre-mapped region, for one thread. No headers, no locks, no statistics: an
 * allocator cannot do less and still reuse memory.
 */
@NullMarked
final class FloorPeer extends SegmentPeer {
    private static final long EMPTY = -1;

    private final Region region = new Region();
    private final long[] heads = new long[Region.CLASSES];
    private long bump;

    FloorPeer() {
        java.util.Arrays.fill(heads, EMPTY);
    }

    @Override
    public Object allocate(long size) {
        int c = Region.classOf(size);
        long offset = heads[c];
        if (offset != EMPTY) {
            heads[c] = region.segment.get(ValueLayout.JAVA_LONG, offset);
        } else {
            offset = bump;
            bump += Region.classSize(c);
            if (bump > Region.SIZE) {
                throw Region.exhausted();
            }
        }
        return region.segment.asSlice(offset, size);
    }

    @Override
    public void free(Object block) {
        MemorySegment segment = (MemorySegment) block;
        int c = Region.classOf(segment.byteSize());
        long offset = segment.address() - region.base;
        region.segment.set(ValueLayout.JAVA_LONG, offset, heads[c]);
        heads[c] = offset;
    }

    @Override
    public void close() {
        region.unmap();
    }
}
