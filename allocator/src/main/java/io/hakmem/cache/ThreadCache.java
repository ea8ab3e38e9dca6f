package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SlabHeap;
import io.hakmem.slab.Span;
import io.hakmem.slab.SpanOwner;
import io.hakmem.slab.SuperSlab;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One platform thread's magazines for one arena.
 *
 * <p>A magazine slot holds the segment of a cached block: the one its user freed, or a whole-block
 * slice for blocks fresh from a span. Handing the same immutable segment out again when the size
 * matches spares an allocation per block, as Netty's recycler spares its buffer objects.
 *
 * <p>The owner's {@link #allocate} and {@link #free} take no lock and no atomic. Everything else
 * (refill, overflow flush, periodic drain, revocation) runs under this object's monitor, which
 * is always taken before the heap lock.
 *
 * <p>Revocation. The counts are the truth about which slots hold cached blocks: the owner
 * writes them with release, a revoker reads them with acquire, after closing the owner's view
 * (see {@link MagazineCounts}). A free only adds a block, so it needs nothing more: a revoker
 * that missed it leaves that block to the owner, which gives it back when it notices the
 * revocation ({@link #ensureView}). An allocation must never hand out a block a revoker gives
 * back, so after lowering the count it writes through the view, its commit point: the JDK's close
 * handshake completes that write before the close, with the lowered count visible to the
 * revoker, or makes it throw. One revocable access per pair, not one per operation.
 *
 * <p>The counters are written by the owner only and read racily by {@code stats()}; joining the
 * owner makes them exact.
 */
@NullMarked
public final class ThreadCache implements SpanOwner {

    final Thread thread;
    private final SlabHeap heap;
    private final MagazineCounts mags;
    /** Index of each class's first slot. */
    private final int[] first;
    /** {@link MagazineCounts#capacities}. */
    private final int[] capacities;
    /**
     * The segment each cached block will be handed out as, or null to cut a new one. Only a
     * segment worth handing out again is kept: one of the whole block, the size a class-sized
     * request gets. Keeping any other size (even only when the slot held that size before, which
     * reads the old segment, a cache miss on most frees of a varied workload) measured no gain
     * for a loop repeating one odd size, and it would rarely match the next request, and storing it would cost the GC's card-marking barrier (a fence) on every free,
     * since the segment is young and this array old. {@code Object[]}, not
     * {@code MemorySegment[]}: a store into an array of an interface type pays a subtype check.
     */
    private final @Nullable Object[] slots;
    /**
     * The span and block index of each cached block, slot for slot, so that handing a block out
     * reaches its state byte without an address lookup.
     *
     * <p>Invariant: {@code slotSpans[i]} and {@code slotIndexes[i]} describe the block of slot
     * i, and a non-null {@code slots[i]} is a segment of that block, whether the count covers
     * slot i or not; every write keeps the three together. The slot-known path of {@link #free}
     * relies on it for the slot just above the count, which still holds the segment it last
     * handed out.
     */
    private final @Nullable Span[] slotSpans;
    /** Block index times 2, plus 1 when the block may hold old bytes (never-used blocks do not). */
    private final int[] slotIndexes;
    /** {@link MagazineCounts#view}, one load closer; replaced by {@link #ensureView} only. */
    private MemorySegment view;

    private final int drainInterval;
    private final int[] lowWater;
    /**
     * Cached blocks per class: slots {@code first[c] .. first[c] + counts[c] - 1}. Written by the
     * owner through {@link #COUNTS} with release, after the slots; read by revokers with acquire.
     */
    private final int[] counts;

    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(int[].class);

    private final int[] freesSinceDrain;
    /**
     * Per class, the frees counted by {@link #freesSinceDrain} before each drain reset it: with
     * it, per-class statistics come from a counter the free path keeps anyway.
     */
    private final long[] freesBeforeDrains;
    /**
     * The count of each class the last revocation read and gave back, written under the monitor:
     * the owner's blocks in slots at or above it are still its own (see {@link #ensureView}).
     */
    private final int[] revokedCounts;
    /** Set under the monitor when the heap was unmapped: nothing is given back any more. */
    private boolean abandoned;

    private final long[] batch;
    private final Span[] batchSpans;
    /**
     * Per class, a refill takes {@code capacity >> fillShift} blocks. As in jemalloc's tcache, a
     * drain that finds blocks idle through its interval halves the next fill, and one that finds
     * the magazine ran dry doubles it: a thread recycling one block (a pair loop) stops carving,
     * slicing and flushing back hundreds of blocks at every drain.
     */
    private final byte[] fillShift;
    /** Per class, refills since the last drain: more than one means the fill was too small. */
    private final int[] refillsSinceDrain;
    /**
     * Blocks this thread took and freed through the cache or the remote queue. Only the owner
     * writes them; stats() reads them racily.
     */
    private final OpCounters ops = new OpCounters();

    private long opsAtLastVisit = -1;
    /** Bumped when the cache gave all its blocks back: its spans become anyone's to carve. */
    private volatile int generation;
    /** Set by a trim that found this cache busy: the owner flushes itself at its next slow path. */
    private volatile boolean flushRequested;

    ThreadCache(Thread thread, SlabHeap heap, int magazineCapacity, int drainInterval) {
        this.thread = thread;
        this.heap = heap;
        this.mags = new MagazineCounts(magazineCapacity);
        this.first = mags.first;
        this.capacities = mags.capacities;
        this.view = mags.view;
        this.slots = new Object[mags.slots];
        this.slotSpans = new Span[mags.slots];
        this.slotIndexes = new int[mags.slots];
        this.drainInterval = drainInterval;
        int classes = SizeClasses.count();
        this.lowWater = new int[classes];
        this.counts = new int[classes];
        this.freesSinceDrain = new int[classes];
        this.freesBeforeDrains = new long[classes];
        this.revokedCounts = new int[classes];
        this.fillShift = new byte[classes];
        Arrays.fill(fillShift, INITIAL_FILL_SHIFT);
        this.refillsSinceDrain = new int[classes];
        int most = Arrays.stream(capacities).max().orElse(1);
        this.batch = new long[most];
        this.batchSpans = new Span[most];
    }

    /**
     * The owner's allocation fast path: a cached block of class {@code sizeClass}, made LIVE and
     * cleared if asked.
     *
     * @return the block as a segment of {@code byteSize} bytes, or null when the magazine is empty
     *     or was revoked; the caller then takes {@link #refill}
     */
    public @Nullable MemorySegment allocate(int sizeClass, long byteSize, boolean zero) {
        int n = counts[sizeClass] - 1;
        if (n < 0) {
            return null;
        }
        int slot = first[sizeClass] + n;
        MemorySegment segment = (MemorySegment) slots[slot];
        Span span = Objects.requireNonNull(slotSpans[slot]);
        int indexAndDirty = slotIndexes[slot];
        boolean interrupted = thread.isInterrupted();
        COUNTS.setRelease(counts, sizeClass, n);
        // The lowered count must be out before the commit: a close after the commit sees it.
        VarHandle.storeStoreFence();
        try {
            view.set(MagazineCounts.COUNT, sizeClass * 8L, (long) n);
        } catch (IllegalStateException revoked) {
            if (!stillOwnedAfterRevocation(sizeClass, n, interrupted)) {
                return null;
            }
            // The revoker read the lowered count, so it left this block to us.
            return handOut(segment, span, indexAndDirty, byteSize, zero);
        }
        if (n < lowWater[sizeClass]) {
            lowWater[sizeClass] = n;
        }
        if (segment == null && byteSize == span.blockSize()) {
            // A block fresh from its span, asked for whole: its segment is worth keeping, so
            // that its free takes the slot-known path and its next allocation reuses it.
            MemorySegment whole = handOut(null, span, indexAndDirty, byteSize, zero);
            slots[slot] = whole;
            return whole;
        }
        return handOut(segment, span, indexAndDirty, byteSize, zero);
    }

    private MemorySegment handOut(
            @Nullable MemorySegment kept, Span span, int indexAndDirty, long byteSize, boolean zero) {
        int index = indexAndDirty >>> 1;
        span.setState(index, Span.LIVE);
        MemorySegment segment = kept;
        if (segment == null || segment.byteSize() != byteSize) {
            segment = span.superSlab().slice(span.addressOf(index), byteSize);
        }
        Span.clearOnHandOut(segment, (indexAndDirty & 1) != 0, zero);
        ops.allocated(byteSize);
        return segment;
    }

    /**
     * The owner's free fast path: the segment the top slot of its class handed out, coming back,
     * as in every LIFO pattern. Only segments this cache made or the arena validated ever enter
     * a slot, and the slot still knows their span and block, so no address check is needed.
     *
     * @return false for any other segment, a block that is not LIVE, a full magazine or a
     *     revocation; nothing was changed, and the arena's checked path takes over
     */
    public boolean free(MemorySegment segment) {
        long byteSize = segment.byteSize();
        if (byteSize <= 0 || byteSize > SizeClasses.MAX_SMALL) {
            return false;
        }
        int sizeClass = SizeClasses.classOf(byteSize);
        int n = counts[sizeClass];
        int slot = first[sizeClass] + n;
        if (n == capacities[sizeClass] || slots[slot] != segment) {
            return false;
        }
        Span span = Objects.requireNonNull(slotSpans[slot]);
        int index = slotIndexes[slot] >>> 1;
        if (span.owner() != this || span.state(index) != Span.LIVE) {
            return false;
        }
        cache(sizeClass, n, span, index, byteSize);
        return true;
    }

    /**
     * Caches a LIVE block of a span this cache owns, checked by the caller; flushes the oldest
     * half of the magazine first when it is full.
     */
    public void push(Span span, int index, MemorySegment segment, long byteSize) {
        int sizeClass = span.sizeClass();
        if (counts[sizeClass] == capacities[sizeClass]) {
            makeRoom(sizeClass);
        }
        int n = counts[sizeClass];
        int slot = first[sizeClass] + n;
        // A LIFO workload puts the same segment back into the same slot: skipping the equal
        // store skips the GC write barrier, whose card-marking path fences on every store into
        // an old array. A read-only view is never kept: the next owner's writes would fail.
        Object kept = byteSize == span.blockSize() && !segment.isReadOnly() ? segment : null;
        if (slots[slot] != kept) {
            slots[slot] = kept;
        }
        if (slotSpans[slot] != span) {
            slotSpans[slot] = span;
        }
        cache(sizeClass, n, span, index, byteSize);
    }

    private synchronized void makeRoom(int sizeClass) {
        ensureView();
        flushIfRequested();
        if (counts[sizeClass] == capacities[sizeClass]) {
            flushOldest(sizeClass, Math.max(1, capacities[sizeClass] / 2));
        }
    }

    /** Caches a LIVE block whose segment and span are in slot {@code n} of class {@code sizeClass}. */
    private void cache(int sizeClass, int n, Span span, int index, long byteSize) {
        span.setState(index, Span.CACHED);
        slotIndexes[first[sizeClass] + n] = index << 1 | 1;
        COUNTS.setRelease(counts, sizeClass, n + 1);
        ops.freed(byteSize);
        if (++freesSinceDrain[sizeClass] >= drainInterval) {
            drain(sizeClass);
        }
    }

    /**
     * Refills the empty magazine of class {@code sizeClass} from the heap and hands one block out, LIVE
     * and cleared if asked, as {@link #allocate} would have.
     *
     * @return a segment of {@code byteSize} bytes; null when the heap reached
     *     {@code maxMappedBytes} and caches must be revoked before a retry (see
     *     {@link SlabHeap#takeBatch})
     */
    public synchronized @Nullable MemorySegment refill(int sizeClass, long byteSize, boolean zero) {
        ensureView();
        flushIfRequested();
        refillsSinceDrain[sizeClass]++;
        int want = Math.max(1, Math.min(256, capacities[sizeClass] >> fillShift[sizeClass]));
        int got;
        heap.lock();
        try {
            got = heap.takeBatch(sizeClass, batch, batchSpans, want, this);
        } finally {
            heap.unlock();
        }
        if (got == 0) {
            return null;
        }
        int base = first[sizeClass] + counts[sizeClass];
        for (int i = 0; i < got - 1; i++) {
            put(base + i, batchSpans[i], batch[i]);
        }
        commit(sizeClass, counts[sizeClass] + got - 1);
        Span span = batchSpans[got - 1];
        long address = Span.address(batch[got - 1]);
        int indexAndDirty = span.indexOf(address) << 1 | (Span.isDirty(batch[got - 1]) ? 1 : 0);
        return handOut(span.superSlab().slice(address, byteSize), span, indexAndDirty, byteSize, zero);
    }

    /** Puts a block fresh from its span into a slot; its segment is cut when it is handed out. */
    private void put(int slot, Span span, long tagged) {
        long address = Span.address(tagged);
        slots[slot] = null;
        slotSpans[slot] = span;
        slotIndexes[slot] = span.indexOf(address) << 1 | (Span.isDirty(tagged) ? 1 : 0);
    }

    /** Under the monitor with a live view: publishes a new count for class {@code sizeClass}. */
    private void commit(int sizeClass, int n) {
        COUNTS.setRelease(counts, sizeClass, n);
        lowWater[sizeClass] = Math.min(lowWater[sizeClass], n);
    }

    /**
     * hakmem's periodic drain, every {@code drainInterval} frees of a class: blocks that sat in
     * the magazine through the whole interval (its low-water mark) go back to their spans, then
     * blocks of SuperSlabs that hold nothing but this thread's cached blocks follow them, so a
     * SuperSlab emptied behind the cache is still found empty (the seed's Options 2 and 3).
     */
    private synchronized void drain(int sizeClass) {
        freesBeforeDrains[sizeClass] += freesSinceDrain[sizeClass];
        freesSinceDrain[sizeClass] = 0;
        if (!mags.viewAlive()) {
            ensureView();
            return;
        }
        if (flushIfRequested()) {
            return;
        }
        collectOwnRemoteFrees();
        int idle = lowWater[sizeClass];
        int held = counts[sizeClass];
        adaptFill(sizeClass, idle);
        if (idle > 0) {
            flushOldest(sizeClass, idle);
            // The scan for SuperSlabs emptied behind the cache costs a pass over every cached
            // block, so it runs only when most of this magazine sat idle: a thread that went
            // quiet, not one churning through its cache.
            if (2L * idle >= held) {
                flushEmptySuperSlabs();
            }
        }
        lowWater[sizeClass] = counts[sizeClass];
    }

    private static final byte INITIAL_FILL_SHIFT = 2;
    private static final byte MAX_FILL_SHIFT = 30;

    /**
     * Fills less after an interval that left {@code idle} blocks unused, more after one that ran
     * dry twice; a single refill may only follow the drain's own flush, which says nothing of demand.
     */
    private void adaptFill(int sizeClass, int idle) {
        if (idle > 0) {
            fillShift[sizeClass] = (byte) Math.min(MAX_FILL_SHIFT, fillShift[sizeClass] + 1);
        } else if (refillsSinceDrain[sizeClass] > 1 && fillShift[sizeClass] > 1) {
            fillShift[sizeClass]--;
        }
        refillsSinceDrain[sizeClass] = 0;
    }

    /**
     * Collects the remote frees of the spans this cache owns, which only it may collect (see
     * {@link SlabHeap#collectRemote}): refills do, and so do drains and flushes, for a thread that
     * keeps freeing without ever refilling.
     */
    private void collectOwnRemoteFrees() {
        if (heap.hasRemotePending()) {
            heap.lock();
            try {
                heap.collectRemote(this);
            } finally {
                heap.unlock();
            }
        }
    }

    /** Gives the {@code k} oldest blocks of class {@code sizeClass} back to the heap. Under the monitor. */
    private void flushOldest(int sizeClass, int k) {
        int from = first[sizeClass];
        int n = counts[sizeClass];
        int flush = Math.min(k, n);
        heap.lock();
        try {
            for (int i = 0; i < flush; i++) {
                giveBack(from + i);
            }
        } finally {
            heap.unlock();
        }
        // No revoker can look in between: it needs this object's monitor.
        move(from + flush, from, n - flush);
        Arrays.fill(slots, from + n - flush, from + n, null);
        commit(sizeClass, n - flush);
    }

    /** Flushes every cached block whose SuperSlab has no block outside this cache. */
    private void flushEmptySuperSlabs() {
        heap.lock();
        try {
            forEachCached(ss -> ss.scratch(0));
            forEachCached(ss -> ss.scratch(ss.scratch() + 1));
            for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
                int from = first[sizeClass];
                int n = counts[sizeClass];
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    SuperSlab ss = Objects.requireNonNull(slotSpans[from + i]).superSlab();
                    if (ss.usedBlocks() == ss.scratch()) {
                        giveBack(from + i);
                    } else {
                        move(from + i, from + kept++, 1);
                    }
                }
                Arrays.fill(slots, from + kept, from + n, null);
                commit(sizeClass, kept);
            }
        } finally {
            heap.unlock();
        }
    }

    private void move(int from, int to, int length) {
        System.arraycopy(slots, from, slots, to, length);
        System.arraycopy(slotSpans, from, slotSpans, to, length);
        System.arraycopy(slotIndexes, from, slotIndexes, to, length);
    }

    private void forEachCached(java.util.function.Consumer<SuperSlab> action) {
        for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
            for (int i = 0; i < counts[sizeClass]; i++) {
                action.accept(
                        Objects.requireNonNull(slotSpans[first[sizeClass] + i]).superSlab());
            }
        }
    }

    /** Returns the block of one slot to its span. Heap lock held. */
    private void giveBack(int slot) {
        Span span = Objects.requireNonNull(slotSpans[slot], "empty magazine slot");
        int index = slotIndexes[slot] >>> 1;
        if (span.state(index) != Span.CACHED) {
            throw new IllegalStateException("hakmem internal error: cached block 0x"
                    + Long.toHexString(span.addressOf(index)) + " is in state " + span.state(index));
        }
        heap.giveBack(span, index);
    }

    /**
     * After the commit of an allocation from slot {@code n} of class {@code sizeClass} threw:
     * decides whether the revoker left that block to the owner. The JDK can deliver the
     * revocation's exception after the write itself completed, so the exception alone does not
     * tell; the count the revoker read does. Taking the monitor waits for the revoker, which
     * holds it from the close until it recorded that count.
     *
     * <p>It also undoes the interrupt status the close handshake sets on a thread it catches
     * mid-access: {@code interruptedBefore} is the status read just before the access.
     *
     * @return whether the block of slot {@code n} is still this cache's to hand out
     */
    private boolean stillOwnedAfterRevocation(int sizeClass, int n, boolean interruptedBefore) {
        if (!interruptedBefore) {
            Thread.interrupted();
        }
        synchronized (this) {
            boolean owned = n >= revokedCounts[sizeClass];
            ensureView();
            return owned;
        }
    }

    /**
     * Under the monitor: after a revocation, gives back the blocks the revoker did not see (frees
     * that raced it, at or above the count it read), then starts over with a fresh view and an
     * empty magazine.
     */
    private void ensureView() {
        if (!mags.viewAlive()) {
            if (!abandoned) {
                giveBackUnrevoked();
            }
            mags.renewView();
            view = mags.view;
            Arrays.fill(counts, 0);
            Arrays.fill(lowWater, 0);
            Arrays.fill(slots, null);
            Arrays.fill(slotSpans, null);
        }
    }

    /**
     * Under the monitor, by the owner or once it died: gives back the blocks of slots at or above
     * the counts the last revocation read.
     *
     * @return blocks given back
     */
    private long giveBackUnrevoked() {
        long given = 0;
        heap.lock();
        try {
            for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
                for (int i = revokedCounts[sizeClass]; i < counts[sizeClass]; i++) {
                    giveBack(first[sizeClass] + i);
                    given++;
                }
                revokedCounts[sizeClass] = Math.max(revokedCounts[sizeClass], counts[sizeClass]);
            }
        } finally {
            heap.unlock();
        }
        return given;
    }

    /**
     * Takes every cached block away from the owner, from any thread, and gives it back to the
     * heap. The owner's next commit throws inside {@link #allocate}, and its next slow path
     * notices too; either renews its view.
     *
     * @return blocks given back
     */
    synchronized long revoke() {
        if (!mags.viewAlive()) {
            return abandoned || thread.isAlive() ? 0 : giveBackUnrevoked();
        }
        mags.revokeView();
        generation++;
        long given = 0;
        heap.lock();
        try {
            for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
                int n = (int) COUNTS.getAcquire(counts, sizeClass);
                revokedCounts[sizeClass] = n;
                for (int i = 0; i < n; i++) {
                    giveBack(first[sizeClass] + i);
                }
                given += n;
            }
        } finally {
            heap.unlock();
        }
        return given;
    }

    /**
     * Revokes without giving blocks back, because the heap is being unmapped: a view renewed
     * after the close starts empty and only meets the closed heap.
     */
    synchronized void abandon() {
        generation++;
        abandoned = true;
        if (mags.viewAlive()) {
            mags.revokeView();
        }
        for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
            revokedCounts[sizeClass] = (int) COUNTS.getAcquire(counts, sizeClass);
        }
    }

    /** Asks the owner to give its blocks back at its next slow path; any thread. */
    void requestFlush() {
        flushRequested = true;
    }

    /** Under the monitor with a live view: honours a pending {@link #requestFlush}. */
    private boolean flushIfRequested() {
        if (!flushRequested) {
            return false;
        }
        flushRequested = false;
        flushAll();
        return true;
    }

    /**
     * Gives every cached block back to the heap while keeping the view: for the owner itself,
     * which needs no revocation, and so no close handshake, to empty its own cache.
     *
     * @return blocks given back
     */
    synchronized long flushAll() {
        ensureView();
        collectOwnRemoteFrees();
        long given = 0;
        for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
            if (counts[sizeClass] > 0) {
                given += counts[sizeClass];
                flushOldest(sizeClass, counts[sizeClass]);
            }
        }
        return given;
    }

    /** Adds, per cached class, the frees this cache kept to {@code totals}; read racily. */
    void addCachedFrees(long[] totals) {
        for (int sizeClass = 0; sizeClass < freesSinceDrain.length; sizeClass++) {
            totals[sizeClass] += freesBeforeDrains[sizeClass] + freesSinceDrain[sizeClass];
        }
    }

    /** {@return cached blocks, read racily: after a revocation, those it did not take} */
    long cachedBlocks() {
        boolean revoked = !mags.viewAlive();
        long total = 0;
        for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
            int n = (int) COUNTS.getAcquire(counts, sizeClass);
            total += revoked ? Math.max(0, n - revokedCounts[sizeClass]) : n;
        }
        return total;
    }

    /** {@return whether the cache saw no operation since the previous call; for the trimmer} */
    boolean idleSinceLastVisit() {
        long now = ops.operations();
        boolean idle = now == opsAtLastVisit;
        opsAtLastVisit = now;
        return idle;
    }

    @Override
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public int generation() {
        return generation;
    }

    /** Counts a free this thread sent to another thread's span, which its owner collects. */
    public void countRemoteFree(long byteSize, int blockSize) {
        ops.freedRemotely(byteSize, blockSize);
    }

    /** {@return what this cache counted, read racily} */
    OpTotals totals() {
        return ops.totals();
    }

    /** {@return the owning thread} */
    public Thread thread() {
        return thread;
    }
}
