package io.hakmem.slab;

import io.hakmem.os.OsMemory;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The SuperSlabs of one {@link SlabHeap}: mapping them, the live list and the cache of empty ones,
 * the books and the delayed purge of their dirty slabs, and unmapping them. Spans and blocks are
 * the heap's business; this pool only learns which slabs a span took or gave back.
 *
 * <p>Every method but {@link #released} requires the heap's lock, as the heap's own do.
 */
@NullMarked
final class SuperSlabPool implements Iterable<SuperSlab> {

    private final SlabHeap heap;
    private final OsMemory os;
    private final ArenaListener listener;
    private final SlabCounters counters;
    private final int emptyCacheSize;
    private final long purgeDelayNanos;
    private final long unmapDelayNanos;
    /** SuperSlabs with at least one span formed. */
    private final List<SuperSlab> superSlabs = new ArrayList<>();
    /** Empty SuperSlabs kept mapped for reuse, the most recently emptied first. */
    private final ArrayDeque<SuperSlab> emptyCache = new ArrayDeque<>();
    /** Bytes of dirty slabs (freed but maybe resident) in live and cached SuperSlabs. */
    private long dirtyBytes;
    /**
     * Scopes of memory this heap gave back to the OS, held weakly: a stale segment keeps its own
     * scope reachable, so a second free of it is still told apart from a foreign segment.
     */
    private final Set<MemorySegment.Scope> releasedScopes =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    SuperSlabPool(SlabHeap heap, OsMemory os, HeapPolicy policy, ArenaListener listener, SlabCounters counters) {
        this.heap = heap;
        this.os = os;
        this.listener = listener;
        this.counters = counters;
        this.emptyCacheSize = policy.emptySuperSlabCacheSize();
        this.purgeDelayNanos = policy.purgeDelayNanos();
        this.unmapDelayNanos = policy.unmapDelayNanos();
    }

    /** {@return the set the heap's large mappings add their released scopes to} */
    Set<MemorySegment.Scope> releasedScopes() {
        return releasedScopes;
    }

    /** {@return whether {@code scope} belonged to memory this heap already gave back; lock-free} */
    boolean released(MemorySegment.Scope scope) {
        return releasedScopes.contains(scope);
    }

    /**
     * Maps a new SuperSlab onto the live list; the caller checked {@code maxMappedBytes}. Locked.
     *
     * @return the SuperSlab, or null when the OS refused; nothing is counted then
     */
    @Nullable
    SuperSlab map() {
        assert heap.locked();
        long base = os.map(SuperSlab.SIZE, SuperSlab.SIZE);
        if (base == 0) {
            return null;
        }
        SuperSlab ss = new SuperSlab(heap, base);
        SuperSlabMap.add(ss);
        counters.superSlabsLive++;
        counters.superSlabsMappedTotal++;
        listener.superSlabMapped(base);
        superSlabs.add(ss);
        return ss;
    }

    /** {@return the most recently emptied cached SuperSlab, moved onto the live list, or null. Locked.} */
    @Nullable
    SuperSlab reuseCached() {
        assert heap.locked();
        SuperSlab ss = emptyCache.poll();
        if (ss != null) {
            superSlabs.add(ss);
        }
        return ss;
    }

    /** {@return SuperSlabs in the empty cache. Locked.} */
    int cachedCount() {
        assert heap.locked();
        return emptyCache.size();
    }

    /** {@return the SuperSlabs with a span formed, in the order they joined; not to be changed. Locked.} */
    List<SuperSlab> live() {
        assert heap.locked();
        return superSlabs;
    }

    /**
     * Every mapped SuperSlab: the live list, then the empty cache. Locked, and neither list may
     * change during the walk: every loop over both lists is this one.
     */
    @Override
    public Iterator<SuperSlab> iterator() {
        assert heap.locked();
        return new Iterator<>() {
            private Iterator<SuperSlab> current = superSlabs.iterator();
            private boolean inCache;

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && !inCache) {
                    inCache = true;
                    current = emptyCache.iterator();
                }
                return current.hasNext();
            }

            @Override
            public SuperSlab next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * Takes the slabs in {@code mask} of {@code ss} for a span. Locked.
     *
     * @return whether one of them is dirty, so that the span's never-used blocks may hold old bytes
     */
    boolean takeSlabs(SuperSlab ss, int mask) {
        assert heap.locked();
        int dirty = ss.dirtySlabs & mask;
        dirtyBytes -= (long) Integer.bitCount(dirty) << SizeClasses.SLAB_SHIFT;
        ss.dirtySlabs &= ~mask;
        ss.usedSlabs |= mask;
        return dirty != 0;
    }

    /**
     * Takes back the slabs in {@code mask} of {@code ss}, dirty and unused since {@code now}, for
     * a purge once the delay ran out. Locked.
     */
    void giveBackSlabs(SuperSlab ss, int mask, long now) {
        assert heap.locked();
        ss.usedSlabs &= ~mask;
        ss.dirtySlabs |= mask;
        dirtyBytes += (long) Integer.bitCount(mask) << SizeClasses.SLAB_SHIFT;
        for (int bits = mask; bits != 0; bits &= bits - 1) {
            ss.dirtySince[Integer.numberOfTrailingZeros(bits)] = now;
        }
    }

    /**
     * Moves {@code ss}, empty since {@code now}, from the live list to the empty cache. Locked.
     *
     * @return when the cache, now past its size, must unmap its oldest; {@link Long#MAX_VALUE}
     *     when it keeps them all
     */
    long retire(SuperSlab ss, long now) {
        assert heap.locked() && ss.isEmpty();
        ss.emptySince = now;
        superSlabs.remove(ss);
        emptyCache.push(ss);
        return emptyCache.size() > emptyCacheSize ? now + unmapDelayNanos : Long.MAX_VALUE;
    }

    /** {@return bytes of dirty slabs in live and cached SuperSlabs, waiting for their purge. Locked.} */
    long dirtyBytes() {
        assert heap.locked();
        return dirtyBytes;
    }

    /**
     * Purges the dirty slabs whose delay ran out, or all of them, in live and cached SuperSlabs;
     * {@link #dirtyBytes} counts both. Locked.
     *
     * @return the next purge due, or {@link Long#MAX_VALUE}
     */
    long purgeDirty(long now, boolean all) {
        assert heap.locked();
        long next = Long.MAX_VALUE;
        for (SuperSlab ss : this) {
            next = earlier(next, purgeExpired(ss, now, all));
        }
        assert !all || dirtyBytes == 0 : "dirty bytes left after purging everything: " + dirtyBytes;
        return next;
    }

    /** Purges the dirty slabs of {@code ss} whose delay ran out; returns the next one due. */
    private long purgeExpired(SuperSlab ss, long now, boolean all) {
        int expired = 0;
        long next = Long.MAX_VALUE;
        for (int bits = ss.dirtySlabs; bits != 0; bits &= bits - 1) {
            int i = Integer.numberOfTrailingZeros(bits);
            long due = ss.dirtySince[i] + purgeDelayNanos;
            if (all || now - due >= 0) {
                expired |= 1 << i;
            } else {
                next = earlier(next, due);
            }
        }
        if (expired != 0) {
            dirtyBytes -= (long) Integer.bitCount(expired) << SizeClasses.SLAB_SHIFT;
            purge(ss, expired);
        }
        return next;
    }

    /** Purges the slabs in {@code mask}, one madvise per contiguous run. */
    private void purge(SuperSlab ss, int mask) {
        int bits = mask;
        while (bits != 0) {
            int first = Integer.numberOfTrailingZeros(bits);
            int run = Integer.numberOfTrailingZeros(~(bits >>> first));
            os.purge(ss.base + ((long) first << SizeClasses.SLAB_SHIFT), (long) run << SizeClasses.SLAB_SHIFT);
            counters.slabsPurged += run;
            listener.slabsPurged(ss.base + ((long) first << SizeClasses.SLAB_SHIFT), run);
            bits &= ~(int) (((1L << run) - 1) << first);
        }
        ss.dirtySlabs &= ~mask;
    }

    /**
     * Unmaps the empty SuperSlabs beyond the kept few that stayed empty for the unmap delay.
     * Locked.
     *
     * @return when the next one is due, or {@link Long#MAX_VALUE}
     */
    long unmapExpired(long now) {
        assert heap.locked();
        // The cache is a stack: the SuperSlabs empty the longest sit at its bottom.
        while (emptyCache.size() > emptyCacheSize) {
            SuperSlab oldest = emptyCache.peekLast();
            long due = oldest.emptySince + unmapDelayNanos;
            if (now - due < 0) {
                return due;
            }
            emptyCache.pollLast();
            dirtyBytes -= (long) Integer.bitCount(oldest.dirtySlabs) << SizeClasses.SLAB_SHIFT;
            unmap(oldest, ReleaseReason.EMPTY);
        }
        return Long.MAX_VALUE;
    }

    /** Unmaps every cached SuperSlab, most recently emptied first; their slabs are purged already. Locked. */
    void unmapCached(ReleaseReason reason) {
        assert heap.locked();
        assert dirtyBytes == 0 : "unmapping cached SuperSlabs before their purge: dirty bytes " + dirtyBytes;
        while (!emptyCache.isEmpty()) {
            unmap(emptyCache.pop(), reason);
        }
    }

    /** Unmaps every SuperSlab, live blocks or not. Locked. */
    void unmapAll(ReleaseReason reason) {
        assert heap.locked();
        for (SuperSlab ss : this) {
            unmap(ss, reason);
        }
        superSlabs.clear();
        emptyCache.clear();
        dirtyBytes = 0;
    }

    private void unmap(SuperSlab ss, ReleaseReason reason) {
        // A thread cache's free fast path trusts a span it owns without touching the memory:
        // disowned, a stale segment's free takes the checked path, which finds the block gone.
        for (Span span : ss.spanAt) {
            if (span != null) {
                span.owner = null;
            }
        }
        for (int i = 0; i < SuperSlab.SLABS; i++) {
            SpanMap.set(ss, i, null);
        }
        ss.closeScope();
        releasedScopes.add(ss.scope());
        SuperSlabMap.remove(ss);
        os.unmap(ss.base, SuperSlab.SIZE);
        counters.superSlabsLive--;
        counters.superSlabsReleasedTotal++;
        listener.superSlabReleased(ss.base, System.nanoTime() - ss.mappedAtNanos, reason);
    }

    /** {@return bytes of the SuperSlabs mapped now, cached ones included. Locked.} */
    long mappedBytes() {
        assert heap.locked();
        return counters.superSlabsLive << SuperSlab.SHIFT;
    }

    /** {@return bytes of the SuperSlabs resident in RAM, or -1 when unknown. Locked.} */
    long residentBytes() {
        assert heap.locked();
        return ResidentBytes.of(os, this::forEachMapping);
    }

    /** Calls {@code visitor} for every SuperSlab, in use or cached. Locked. */
    void forEachMapping(SlabHeap.RangeVisitor visitor) {
        assert heap.locked();
        for (SuperSlab ss : this) {
            visitor.visit(ss.base, SuperSlab.SIZE);
        }
    }

    /** {@return the earlier of two due times, {@link Long#MAX_VALUE} meaning none; wrap-safe as nanoTime} */
    static long earlier(long a, long b) {
        if (a == Long.MAX_VALUE) {
            return b;
        }
        return b == Long.MAX_VALUE || a - b < 0 ? a : b;
    }
}
