package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SlabHeap;
import io.hakmem.slab.Span;
import io.hakmem.slab.SuperSlab;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One platform thread's magazines for one arena.
 *
 * <p>The owner's {@link #pop} and {@link #push} take no lock and no atomic: a plain read of the
 * count, a slot access, and one commit write (see {@link Magazines}). Everything else (refill,
 * overflow flush, periodic drain, revocation) runs under this object's monitor, which is always
 * taken before the heap lock; a revoker therefore never closes the view while the owner is in the
 * middle of a multi-step slow path.
 *
 * <p>The counters are written by the owner only and read racily by {@code stats()}; joining the
 * owner makes them exact.
 */
@NullMarked
public final class ThreadCache {

    /** Slots are 8-aligned; the unaligned layout only spares the JDK's alignment check. */
    private static final ValueLayout.OfLong SLOT = ValueLayout.JAVA_LONG_UNALIGNED;

    final Thread thread;
    private final SlabHeap heap;
    private final Magazines mags;
    /** {@link Magazines#backing}, never revoked: slots beyond the committed count are private. */
    private final MemorySegment raw;
    private final int drainInterval;
    private final int[] lowWater;
    /**
     * The owner's copy of each magazine's count, so the fast path reads no native memory for it.
     * Equal to the committed native count while the view is alive; reset by {@link #ensureView}.
     */
    private final int[] counts;
    private final int[] freesSinceDrain;
    private final long[] batch;
    private final Span[] batchSpans;
    /**
     * The span of each cached block, slot for slot, so a pop needs no address lookup. Owner-only
     * and on the Java heap: the revoker never reads it, and after a revocation the count is 0, so
     * stale hints are never used.
     */
    private final @Nullable Span[][] hints;
    /** The span of the block the last {@link #pop} returned. */
    private @Nullable Span popped;
    private long lastKey = -1;
    private @Nullable SuperSlab lastSuperSlab;
    private int lastEpoch;
    /** Blocks handed to the user by this thread through the cache. */
    public long allocs;
    /** Their requested bytes. */
    public long allocBytes;
    /** Blocks freed by this thread through the cache or the remote queue. */
    public long frees;
    /** Their bytes. */
    public long freeBytes;
    private long opsAtLastVisit = -1;

    ThreadCache(Thread thread, SlabHeap heap, int magazineCapacity, int drainInterval) {
        this.thread = thread;
        this.heap = heap;
        this.mags = new Magazines(magazineCapacity);
        this.raw = mags.backing;
        this.drainInterval = drainInterval;
        int classes = SizeClasses.tinyCount();
        this.lowWater = new int[classes];
        this.counts = new int[classes];
        this.freesSinceDrain = new int[classes];
        int most = 0;
        for (int c = 0; c < classes; c++) {
            most = Math.max(most, mags.capacities[c]);
        }
        this.batch = new long[most];
        this.batchSpans = new Span[most];
        this.hints = new Span[classes][];
        for (int c = 0; c < classes; c++) {
            hints[c] = new Span[mags.capacities[c] + 1];
        }
    }

    /** @return the span of the block the last successful {@link #pop} returned */
    public Span poppedSpan() {
        return java.util.Objects.requireNonNull(popped);
    }

    /**
     * Address to SuperSlab through a one-entry cache, valid while no SuperSlab was unmapped since
     * it was filled; the owner's frees mostly hit the SuperSlab it allocates from.
     */
    public @Nullable SuperSlab superSlabOf(long address) {
        int epoch = heap.unmapEpoch();
        long key = address >>> SuperSlab.SHIFT;
        SuperSlab ss = lastSuperSlab;
        if (key == lastKey && epoch == lastEpoch && ss != null) {
            return ss;
        }
        ss = heap.lookup(address);
        if (ss != null) {
            lastKey = key;
            lastSuperSlab = ss;
            lastEpoch = epoch;
        }
        return ss;
    }

    /**
     * Takes a cached block of tiny class {@code c}, refilling from the heap when empty.
     *
     * @return a tagged block address in state CACHED, or 0 when the cache was revoked and the
     *     caller must use the locked path
     */
    public long pop(int c) {
        MemorySegment v = mags.view;
        long at = mags.offsets[c];
        try {
            int n = counts[c];
            if (n == 0) {
                return refill(c);
            }
            // Slots are read and written through the raw backing: only the count write, the
            // commit point, needs the revocable view. A slot read that races a revocation is
            // discarded when the commit throws.
            long tagged = raw.get(SLOT, at + n * 8L);
            v.set(SLOT, at, n - 1L);
            counts[c] = n - 1;
            popped = hints[c][n];
            if (n - 1 < lowWater[c]) {
                lowWater[c] = n - 1;
            }
            return tagged;
        } catch (IllegalStateException revoked) {
            afterRevocation();
            return 0;
        }
    }

    /**
     * Caches a freed block of tiny class {@code c}; the caller already moved it to CACHED.
     *
     * @return false when the cache was revoked: the block is still the caller's to free
     */
    public boolean push(int c, long tagged, Span span) {
        MemorySegment v = mags.view;
        long at = mags.offsets[c];
        try {
            int n = counts[c];
            if (n == mags.capacities[c]) {
                return pushOverflowing(c, tagged, span);
            }
            raw.set(SLOT, at + (n + 1) * 8L, tagged);
            hints[c][n + 1] = span;
            v.set(SLOT, at, n + 1L);
            counts[c] = n + 1;
        } catch (IllegalStateException revoked) {
            afterRevocation();
            return false;
        }
        if (++freesSinceDrain[c] >= drainInterval) {
            drain(c);
        }
        return true;
    }

    private synchronized long refill(int c) {
        ensureView();
        MemorySegment v = mags.view;
        int want = Math.max(1, Math.min(256, mags.capacities[c] / 4));
        int got;
        heap.lock();
        try {
            got = heap.takeBatch(c, batch, batchSpans, want, this);
        } finally {
            heap.unlock();
        }
        long at = mags.offsets[c];
        for (int i = 0; i < got - 1; i++) {
            v.set(SLOT, at + (i + 1) * 8L, batch[i]);
            hints[c][i + 1] = batchSpans[i];
        }
        v.set(SLOT, at, got - 1L);
        counts[c] = got - 1;
        lowWater[c] = Math.min(lowWater[c], got - 1);
        popped = batchSpans[got - 1];
        return batch[got - 1];
    }

    private synchronized boolean pushOverflowing(int c, long tagged, Span span) {
        ensureView();
        MemorySegment v = mags.view;
        if (counts[c] == mags.capacities[c]) {
            flushOldest(v, c, Math.max(1, mags.capacities[c] / 2));
        }
        long at = mags.offsets[c];
        int n = counts[c];
        v.set(SLOT, at + (n + 1) * 8L, tagged);
        hints[c][n + 1] = span;
        v.set(SLOT, at, n + 1L);
        counts[c] = n + 1;
        return true;
    }

    /**
     * hakmem's periodic drain, every {@code drainInterval} frees of a class: blocks that sat in
     * the magazine through the whole interval (its low-water mark) go back to their spans, then
     * blocks of SuperSlabs that hold nothing but this thread's cached blocks follow them, so a
     * SuperSlab emptied behind the cache is still found empty (the seed's Options 2 and 3).
     */
    private synchronized void drain(int c) {
        freesSinceDrain[c] = 0;
        if (!mags.viewAlive()) {
            ensureView();
            return;
        }
        MemorySegment v = mags.view;
        int idle = lowWater[c];
        int held = counts[c];
        if (idle > 0) {
            flushOldest(v, c, idle);
            // The scan for SuperSlabs emptied behind the cache costs a pass over every cached
            // block, so it runs only when most of this magazine sat idle: a thread that went
            // quiet, not one churning through its cache.
            if (2L * idle >= held) {
                flushEmptySuperSlabs(v);
            }
        }
        lowWater[c] = counts[c];
    }

    /** Gives the {@code k} oldest blocks of class {@code c} back to the heap. Under the monitor. */
    private void flushOldest(MemorySegment v, int c, int k) {
        long at = mags.offsets[c];
        int n = counts[c];
        int flush = Math.min(k, n);
        heap.lock();
        try {
            for (int i = 1; i <= flush; i++) {
                giveBack(v.get(SLOT, at + i * 8L));
            }
        } finally {
            heap.unlock();
        }
        MemorySegment.copy(v, at + (flush + 1) * 8L, v, at + 8, (n - flush) * 8L);
        System.arraycopy(hints[c], flush + 1, hints[c], 1, n - flush);
        v.set(SLOT, at, (long) n - flush);
        counts[c] = n - flush;
        lowWater[c] = Math.min(lowWater[c], n - flush);
    }

    /** Flushes every cached block whose SuperSlab has no block outside this cache. */
    private void flushEmptySuperSlabs(MemorySegment v) {
        heap.lock();
        try {
            forEachCached(v, ss -> ss.scratch(0));
            forEachCached(v, ss -> ss.scratch(ss.scratch() + 1));
            for (int c = 0; c < mags.offsets.length; c++) {
                long at = mags.offsets[c];
                int n = counts[c];
                int kept = 0;
                for (int i = 1; i <= n; i++) {
                    long tagged = v.get(SLOT, at + i * 8L);
                    SuperSlab ss = cachedSuperSlab(tagged);
                    if (ss.usedBlocks() == ss.scratch()) {
                        giveBack(tagged);
                    } else {
                        kept++;
                        v.set(SLOT, at + kept * 8L, tagged);
                        hints[c][kept] = hints[c][i];
                    }
                }
                v.set(SLOT, at, (long) kept);
                counts[c] = kept;
                lowWater[c] = Math.min(lowWater[c], kept);
            }
        } finally {
            heap.unlock();
        }
    }

    private void forEachCached(MemorySegment v, java.util.function.Consumer<SuperSlab> action) {
        for (int c = 0; c < mags.offsets.length; c++) {
            long at = mags.offsets[c];
            for (int i = 1; i <= counts[c]; i++) {
                action.accept(cachedSuperSlab(v.get(SLOT, at + i * 8L)));
            }
        }
    }

    private SuperSlab cachedSuperSlab(long tagged) {
        return Objects.requireNonNull(heap.lookup(tagged & ~Span.TAG_BITS), "cached block outside any SuperSlab");
    }

    /** Returns one cached block to its span. Heap lock held. */
    private void giveBack(long tagged) {
        long address = tagged & ~Span.TAG_BITS;
        Span span = Objects.requireNonNull(cachedSuperSlab(tagged).spanOf(address), "cached block in a free slab");
        int index = span.blockIndex(address);
        if (span.state(index) != Span.CACHED) {
            throw new IllegalStateException("hakmem internal error: cached block 0x" + Long.toHexString(address)
                    + " is in state " + span.state(index));
        }
        heap.giveBack(span, index);
    }

    private synchronized void afterRevocation() {
        ensureView();
    }

    /**
     * Under the monitor: after a revocation, starts over with a fresh view and an empty
     * magazine; the revoker already gave every committed block back and zeroed the counts.
     */
    private void ensureView() {
        if (!mags.viewAlive()) {
            mags.renewView();
            java.util.Arrays.fill(counts, 0);
            java.util.Arrays.fill(lowWater, 0);
        }
    }

    /**
     * Takes every cached block away from the owner, from any thread, and gives it back to the
     * heap. The owner's next cache access throws inside {@link #pop}/{@link #push} and falls
     * back to the locked path, then renews its view.
     *
     * @return blocks given back
     */
    synchronized long revoke() {
        if (!mags.viewAlive()) {
            return 0;
        }
        mags.revokeView();
        long given = 0;
        heap.lock();
        try {
            MemorySegment b = mags.backing;
            for (int c = 0; c < mags.offsets.length; c++) {
                long at = mags.offsets[c];
                long n = b.get(SLOT, at);
                for (long i = 1; i <= n; i++) {
                    giveBack(b.get(SLOT, at + i * 8));
                }
                b.set(SLOT, at, 0L);
                given += n;
            }
        } finally {
            heap.unlock();
        }
        return given;
    }

    /**
     * Revokes without giving blocks back, because the heap is being unmapped. The counts are
     * cleared so that a view renewed after the close starts empty and only meets the closed heap.
     */
    synchronized void abandon() {
        if (mags.viewAlive()) {
            mags.revokeView();
        }
        for (int c = 0; c < mags.offsets.length; c++) {
            mags.backing.set(SLOT, mags.offsets[c], 0L);
        }
    }

    /** @return cached blocks, read racily */
    long cachedBlocks() {
        return mags.totalCount();
    }

    /** @return whether the cache saw no operation since the previous call; for the trimmer */
    boolean idleSinceLastVisit() {
        long ops = allocs + frees;
        boolean idle = ops == opsAtLastVisit;
        opsAtLastVisit = ops;
        return idle;
    }

    /** @return the owning thread */
    public Thread thread() {
        return thread;
    }
}
