package io.hakmem.slab;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One 2 MiB, 2 MiB-aligned mapping split into 32 slabs of 64 KiB.
 *
 * <p>Every segment handed out is a slice of {@link #segment}, whose scope is a shared JDK arena
 * private to this SuperSlab. Closing that arena when the SuperSlab is unmapped turns every stale
 * segment into one that throws {@link IllegalStateException} instead of touching unmapped memory.
 *
 * <p>Guarded by the owning {@link SlabHeap}'s lock, except the final fields.
 */
@NullMarked
public final class SuperSlab {

    /** 2 MiB. */
    public static final int SHIFT = 21;
    /** Size in bytes. */
    public static final long SIZE = 1L << SHIFT;
    /** Slabs per SuperSlab. */
    public static final int SLABS = (int) (SIZE >>> SizeClasses.SLAB_SHIFT);

    final long base;
    final SlabHeap heap;
    final MemorySegment segment;
    private final MemorySegment.Scope scope;
    private final Arena lifetime;
    final long mappedAtNanos = System.nanoTime();
    final @Nullable Span[] spanAt = new Span[SLABS];
    /** Blocks of all spans outside their span: the sum of {@link Span#used}. */
    int usedBlocks;
    /** Whether the current empty spell was counted in emptySuperSlabsDetected; cleared by use. */
    boolean emptyCounted;
    /** Scratch count for a thread cache's drain, only meaningful inside one locked pass. */
    int scratch;
    /** Bit i set: slab i belongs to a span. */
    int usedSlabs;
    /** Bit i set: slab i is free but its pages may still be resident and dirty. */
    int dirtySlabs;
    /** When each dirty slab emptied (System.nanoTime), for its delayed purge. */
    final long[] dirtySince = new long[SLABS];
    /** When this SuperSlab last became empty, for its delayed unmap. */
    long emptySince;

    SuperSlab(SlabHeap heap, long base) {
        this.heap = heap;
        this.base = base;
        this.lifetime = Arena.ofShared();
        this.segment = MemorySegment.ofAddress(base).reinterpret(SIZE, lifetime, null);
        this.scope = segment.scope();
    }

    /** {@return the heap (and so the arena) this SuperSlab belongs to} */
    public SlabHeap heap() {
        return heap;
    }

    /** {@return the span holding {@code address}, or null when its slab is free} */
    public @Nullable Span spanOf(long address) {
        return spanAt[(int) ((address - base) >>> SizeClasses.SLAB_SHIFT)];
    }

    /**
     * Maps slab {@code slab} to {@code span}, or to nothing, in this SuperSlab's table and in the
     * process-wide {@link SpanMap}, which must agree (see {@link HeapInvariants}). Under the heap
     * lock.
     */
    void mapSlab(int slab, @Nullable Span span) {
        spanAt[slab] = span;
        SpanMap.set(this, slab, span);
    }

    /** {@return a slice of this SuperSlab's segment for a block} */
    public MemorySegment slice(long address, long byteSize) {
        return segment.asSlice(address - base, byteSize);
    }

    /** {@return the scope of every segment cut from this SuperSlab} */
    MemorySegment.Scope scope() {
        return scope;
    }

    /** {@return whether {@code segment} was cut from this SuperSlab's segment, not a stale one} */
    public boolean owns(MemorySegment candidate) {
        return candidate.scope() == scope;
    }

    /** Finds {@code n} consecutive free slabs; returns the first index or -1. */
    int findFreeRun(int n) {
        int run = 0;
        for (int i = 0; i < SLABS; i++) {
            run = (usedSlabs & (1 << i)) == 0 ? run + 1 : 0;
            if (run == n) {
                return i - n + 1;
            }
        }
        return -1;
    }

    /** {@return blocks outside their spans: live, cached or remote. Locked.} */
    public int usedBlocks() {
        assert heap.locked();
        return usedBlocks;
    }

    /** {@return the scratch counter; see the field. Locked.} */
    public int scratch() {
        assert heap.locked();
        return scratch;
    }

    /** Sets the scratch counter. Locked. */
    public void scratch(int value) {
        assert heap.locked();
        scratch = value;
    }

    boolean isEmpty() {
        return usedSlabs == 0;
    }

    /** Invalidates every segment cut from this SuperSlab; must precede the unmap. */
    void closeScope() {
        io.hakmem.os.SharedScopes.close(lifetime);
    }
}
