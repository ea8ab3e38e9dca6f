package io.hakmem;

import io.hakmem.cache.OpCounters;
import io.hakmem.cache.OpTotals;
import io.hakmem.cache.ThreadCaches;
import io.hakmem.slab.BadFrees;
import io.hakmem.slab.SlabHeap;
import io.hakmem.slab.Span;
import io.hakmem.slab.SuperSlab;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The arena's paths that take the heap lock for each block: allocations and frees with no thread
 * cache (caches off, virtual threads, poisoning), blocks of classes a cache does not take, and
 * dedicated large mappings. {@link HakmemArena} keeps the public API and the cached fast path;
 * what it hands here costs a lock anyway, and gets the debug checks (poison) that need it.
 */
@NullMarked
final class UncachedPaths {

    private final HakmemArena arena;
    private final SlabHeap heap;
    private final long maxMappedBytes;
    private final boolean zero;
    private final @Nullable Poison poison;
    private final @Nullable ThreadCaches caches;
    /** Blocks that took these paths; guarded by the heap lock. */
    private final OpCounters counters = new OpCounters();

    UncachedPaths(
            HakmemArena arena,
            SlabHeap heap,
            HakmemConfig config,
            @Nullable Poison poison,
            @Nullable ThreadCaches caches) {
        this.arena = arena;
        this.heap = heap;
        this.maxMappedBytes = config.maxMappedBytes();
        this.zero = config.zeroOnAllocate();
        this.poison = poison;
        this.caches = caches;
    }

    /** {@return what these paths counted; call with the heap lock held} */
    OpTotals totals() {
        return counters.totals();
    }

    /** A block of {@code sizeClass}, LIVE, cleared if asked and checked for poison damage. */
    MemorySegment allocate(int sizeClass, long byteSize) {
        long tagged;
        MemorySegment segment;
        heap.lock();
        try {
            arena.ensureOpen();
            if (heap.hasRemotePending()) {
                heap.collectRemote(null);
            }
            tagged = heap.take(sizeClass, Span.LIVE);
            counters.allocated(byteSize);
            // Sliced under the lock: a racing close() may unmap the SuperSlab as soon as it is released.
            segment = Objects.requireNonNull(heap.lookup(Span.address(tagged))).slice(Span.address(tagged), byteSize);
        } finally {
            heap.unlock();
        }
        // With poisoning, checkPoison clears recycled blocks after checking them; blocks carved
        // fresh from a reused, unpurged slab are dirty too but never checked, so clear them here.
        boolean checkedLater = poison != null && Span.isRecycled(tagged);
        Span.clearOnHandOut(segment, byteSize, Span.isDirty(tagged) && !checkedLater, zero);
        if (checkedLater) {
            checkPoison(segment, Span.address(tagged));
        }
        return segment;
    }

    /** Frees the block and fails when a write after free damaged its poison; clears it otherwise. */
    private void checkPoison(MemorySegment segment, long address) {
        SuperSlab ss = Objects.requireNonNull(heap.lookup(address));
        Span span = Objects.requireNonNull(ss.spanOf(address));
        IllegalStateException damage = Objects.requireNonNull(poison).damage(ss.slice(address, span.blockSize()));
        if (damage != null) {
            arena.free(segment);
            throw damage;
        }
        // A recycled block always held a user's bytes.
        Span.clearOnHandOut(segment, segment.byteSize(), true, zero);
    }

    /** A dedicated mapping for a block no class serves. */
    MemorySegment allocateLarge(long byteSize, long byteAlignment) {
        if (caches != null && maxMappedBytes != Long.MAX_VALUE && wouldExceedLimit(byteSize)) {
            // Freed blocks parked in thread caches can pin SuperSlabs that hold nothing live. The
            // limit check trims what the heap holds, but caches must be revoked without the heap
            // lock held, so here, before it.
            caches.revokeAll();
        }
        heap.lock();
        try {
            arena.ensureOpen();
            MemorySegment segment = heap.allocateLarge(byteSize, byteAlignment);
            counters.allocated(byteSize);
            return segment;
        } finally {
            heap.unlock();
        }
    }

    private boolean wouldExceedLimit(long byteSize) {
        heap.lock();
        try {
            return byteSize > maxMappedBytes - heap.mappedBytes();
        } finally {
            heap.unlock();
        }
    }

    /** Gives a checked block of a span back, refusing it when it is no longer LIVE. */
    void free(SuperSlab ss, Span span, int index, long address, long byteSize) {
        heap.lock();
        try {
            arena.ensureOpen();
            if (ss.spanOf(address) != span || span.state(index) != Span.LIVE) {
                throw BadFrees.notLive(address, ss.spanOf(address) != span ? Span.FREE : span.state(index));
            }
            if (poison != null) {
                poison.fill(ss.slice(address, span.blockSize()));
            }
            heap.giveBack(span, index);
            counters.freed(byteSize);
        } finally {
            heap.unlock();
        }
    }

    /**
     * Unmaps a large block, or refuses a segment that is none of the arena's blocks.
     *
     * @param ss the arena's SuperSlab whose range holds the segment, if any
     */
    void freeLarge(MemorySegment segment, @Nullable SuperSlab ss) {
        long address = segment.address();
        long enclosing;
        heap.lock();
        try {
            arena.ensureOpen();
            if (segment.isNative() && heap.large().owns(segment)) {
                counters.freed(heap.freeLarge(address));
                return;
            }
            enclosing = segment.isNative() && ss == null ? heap.large().containing(address) : -1;
        } finally {
            heap.unlock();
        }
        if (enclosing >= 0) {
            throw BadFrees.interior(address, enclosing);
        }
        throw BadFrees.notOurs(heap, segment, ss);
    }
}
