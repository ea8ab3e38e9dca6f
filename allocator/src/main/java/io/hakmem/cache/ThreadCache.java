package io.hakmem.cache;

import io.hakmem.slab.RemoteInbox;
import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SlabHeap;
import io.hakmem.slab.Span;
import io.hakmem.slab.SpanOwner;
import io.hakmem.slab.SuperSlab;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
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
 * (see {@link CommitView}). A free only adds a block, so it needs nothing more: a revoker
 * that missed it leaves that block to the owner, which gives it back when it notices the
 * revocation ({@link #ensureView}). An allocation must never hand out a block a revoker gives
 * back, so after lowering the count it writes through the view, its commit point: the JDK's close
 * handshake completes that write before the close, with the lowered count visible to the
 * revoker, or makes it throw. One revocable access per pair, not one per operation.
 *
 * <p>Statistics are read racily by {@code stats()}; joining the owner makes them exact.
 */
@NullMarked
public final class ThreadCache implements SpanOwner {

    final Thread thread;
    private final SlabHeap heap;
    private final CommitView commits;
    /** One per size class. */
    private final Magazine[] mags;
    /**
     * The magazine of the last allocation: a LIFO free tries it first, so that finding the slot
     * of the block coming back does not wait for its size, its class and their magazine, three
     * loads in a row after the segment arrives. Written only when it changes (see
     * CONTRIBUTING: nothing written per operation may share a line other threads read).
     * A thread at one of an arena's two front places keeps that magazine in the arena instead
     * ({@code FrontPlaces}): its fast paths leave this field where its refills and slow paths put
     * it, and it only seeds the place when the thread claims it.
     */
    private Magazine lastAllocated;
    /** {@link CommitView#view}, one load closer; replaced by {@link #ensureView} only. */
    private MemorySegment view;

    private final long[] batch;
    private final Span[] batchSpans;
    /**
     * Frees this thread sent to other threads' spans. Only the owner writes them; stats() reads
     * them racily. What the magazines hand out and take back is counted by the magazines.
     */
    private final OpCounters remote = new OpCounters();

    private long opsAtLastVisit = -1;
    /** Bumped when the cache gave all its blocks back: its spans become anyone's to carve. */
    private volatile int generation;
    /** Set by a trim that found this cache busy: the owner flushes itself at its next slow path. */
    private volatile boolean flushRequested;
    /** Set under the monitor when the heap was unmapped: nothing is given back any more. */
    private boolean abandoned;
    /** Other threads' frees into this cache's spans, waiting for it; closed while it holds none. */
    private final RemoteInbox inbox = new RemoteInbox();
    /** {@link #cacheCollected}, made once: a collection allocates nothing. */
    private final RemoteInbox.BlockSink collectedSink = this::cacheCollected;

    ThreadCache(Thread thread, SlabHeap heap, int magazineCapacity, int drainInterval) {
        this.thread = thread;
        this.heap = heap;
        this.commits = new CommitView();
        this.view = commits.view;
        this.mags = new Magazine[SizeClasses.count()];
        int most = 1;
        for (int sizeClass = 0; sizeClass < mags.length; sizeClass++) {
            mags[sizeClass] = new Magazine(sizeClass, magazineCapacity, drainInterval);
            most = Math.max(most, mags[sizeClass].capacity);
        }
        this.batch = new long[most];
        this.batchSpans = new Span[most];
        this.lastAllocated = mags[0];
    }

    /**
     * {@return the magazine of the owner's last allocation through this cache's own paths} Not
     * the last of a thread at an arena's front place, which the arena keeps; any magazine of this
     * cache is a correct start for the fast paths, only a slower one.
     */
    public Magazine lastAllocated() {
        return lastAllocated;
    }

    /** {@return this cache's magazine of class {@code sizeClass}} */
    public Magazine magazine(int sizeClass) {
        return mags[sizeClass];
    }

    /**
     * The owner's allocation fast path: a cached block of class {@code sizeClass}, made LIVE and
     * cleared if asked.
     *
     * @return the block as a segment of {@code byteSize} bytes, or null when the magazine is empty
     *     or was revoked; the caller then takes {@link #refill}
     */
    public @Nullable MemorySegment allocate(int sizeClass, long byteSize, boolean zero) {
        // The magazine of the last allocation, when it is of this class, comes the way the free
        // fast path reaches it. The free writes that magazine's count word and the next
        // allocation reads it: reached through two different chains of loads, the read ran
        // ahead of the write's address and the CPU had to replay it (cache-scratch, one thread:
        // 15.5 ns per block, 14.0 through the same chain).
        return allocate(lastAllocated(sizeClass), byteSize, zero);
    }

    /**
     * {@return the magazine of class {@code sizeClass}, from now on the magazine of the last
     * allocation}
     */
    public Magazine lastAllocated(int sizeClass) {
        Magazine m = lastAllocated;
        if (m.sizeClass != sizeClass) {
            lastAllocated = m = mags[sizeClass];
        }
        return m;
    }

    /**
     * {@link #allocate(int, long, boolean)} for a caller that keeps the owner's last magazine
     * itself (see {@link #lastAllocated(int)}) and has already switched it to the class asked for.
     *
     * @param m one of this cache's magazines
     */
    public @Nullable MemorySegment allocate(Magazine m, long byteSize, boolean zero) {
        int sizeClass = m.sizeClass;
        long word = m.word();
        int n = (int) word - 1;
        // The low-water mark is never negative, so one comparison finds both the empty magazine
        // and a new mark.
        if (n < m.lowWater) {
            if (n < 0) {
                return null;
            }
            m.lowWater = n;
        }
        // The owner is the caller: the current thread is in a register, the field one load away.
        boolean interrupted = Thread.currentThread().isInterrupted();
        m.publish(word - 1);
        // The lowered count must be out before the commit: a close after the commit sees it.
        VarHandle.storeStoreFence();
        try {
            view.set(CommitView.WORD, sizeClass * 8L, (long) n);
        } catch (IllegalStateException revoked) {
            MemorySegment kept = (MemorySegment) m.segments[n];
            Span span = m.span(n);
            int indexAndDirty = m.indexes[n];
            if (!stillOwnedAfterRevocation(m, n, interrupted)) {
                return null;
            }
            // The revoker read the lowered count, so it left this block to us; the magazine
            // starts over empty, so no slot keeps the block's segment.
            return handOut(m, NO_SLOT, kept, span, indexAndDirty, byteSize, zero);
        }
        return handOut(m, n, (MemorySegment) m.segments[n], m.span(n), m.indexes[n], byteSize, zero);
    }

    /** The slot of a block handed out after its magazine started over: none keeps its segment. */
    private static final int NO_SLOT = -1;

    /**
     * Makes the block of slot {@code n} of {@code m} LIVE and returns it as a segment of
     * {@code byteSize} bytes: {@code kept} when that has the size, else a new one.
     */
    private MemorySegment handOut(
            Magazine m,
            int n,
            @Nullable MemorySegment kept,
            Span span,
            int indexAndDirty,
            long byteSize,
            boolean zero) {
        span.setState(indexAndDirty >>> 1, Span.LIVE);
        MemorySegment segment = kept;
        if (segment == null || segment.byteSize() != byteSize) {
            segment = cut(m, n, span, indexAndDirty >>> 1, byteSize);
        }
        Span.clearOnHandOut(segment, byteSize, (indexAndDirty & 1) != 0, zero);
        return segment;
    }

    /**
     * A new segment for a block: kept in slot {@code n} (unless {@link #NO_SLOT}) when it is of
     * the whole block, so that its free takes the slot-known path and its next allocation reuses
     * it.
     */
    private static MemorySegment cut(Magazine m, int n, Span span, int index, long byteSize) {
        MemorySegment segment = span.superSlab().slice(span.addressOf(index), byteSize);
        if (byteSize == m.blockSize) {
            if (n != NO_SLOT) {
                m.segments[n] = segment;
            }
        } else {
            m.allocShortfall += m.blockSize - byteSize;
        }
        return segment;
    }

    /**
     * The owner's free fast path: the segment the slot above the count handed out, coming back,
     * as in every LIFO pattern. Only segments this cache made or the arena validated ever enter
     * a slot, and the slot still knows their span and block, so no address check is needed.
     *
     * @return false for any other segment, a block that is not LIVE or a full magazine; nothing
     *     was changed, and the arena's checked path takes over
     */
    public boolean free(MemorySegment segment) {
        return free(lastAllocated, segment);
    }

    /**
     * {@link #free(MemorySegment)} for a caller that keeps the owner's last magazine itself.
     *
     * @param last the magazine of the owner's last allocation, one of this cache's
     */
    public boolean free(Magazine last, MemorySegment segment) {
        Magazine m = last;
        long word = m.word();
        int n = (int) word;
        if (m.segments[n] != segment) {
            long byteSize = segment.byteSize();
            if (byteSize <= 0 || byteSize > SizeClasses.MAX_SMALL) {
                return false;
            }
            m = mags[SizeClasses.classOf(byteSize)];
            // Only segments of a whole block are kept in slots: any other size saves the probe.
            if (m.blockSize != byteSize) {
                return false;
            }
            word = m.word();
            n = (int) word;
            if (m.segments[n] != segment) {
                return false;
            }
        }
        // A kept segment is of the whole block.
        Span span = m.span(n);
        int index = m.index(n);
        if (span.owner() != this || span.state(index) != Span.LIVE) {
            return false;
        }
        cache(m, word, span, index);
        return true;
    }

    /**
     * Caches a LIVE block of a span this cache owns, checked by the caller; flushes the oldest
     * half of the magazine first when it is full.
     */
    public void push(Span span, int index, MemorySegment segment, long byteSize) {
        Magazine m = mags[span.sizeClass()];
        if (m.count() == m.capacity) {
            makeRoom(m);
        }
        long word = m.word();
        int n = (int) word;
        // A read-only view is never kept: the next owner's writes would fail.
        MemorySegment kept = byteSize == m.blockSize && !segment.isReadOnly() ? segment : null;
        // A LIFO workload puts the same segment back into the same slot: skipping the equal
        // store skips the GC's card-marking barrier, which fences on every store into an old array.
        if (m.segments[n] != kept) {
            m.segments[n] = kept;
        }
        // The span is stored even when equal: frees out of order change it in about half the
        // pushes, and a compare that goes either way costs more in mispredictions than the barrier
        // (random-mixed 25.3-27.6 -> 22.9-23.6 ns per step; LIFO frees of a size that is not a
        // class's, which always find the same span, 18.6-19.6 -> 19.8-21.5 ns per pair).
        m.spans[n] = span;
        if (byteSize != m.blockSize) {
            m.freeShortfall += m.blockSize - byteSize;
        }
        cache(m, word, span, index);
    }

    private synchronized void makeRoom(Magazine m) {
        ensureView();
        flushIfRequested();
        if (m.count() == m.capacity) {
            flushOlderHalf(m);
        }
    }

    /**
     * Caches a LIVE block whose segment and span are in the slot of {@code m} at the count of
     * {@code word}, {@code m}'s word as the caller read it.
     */
    private void cache(Magazine m, long word, Span span, int index) {
        span.setState(index, Span.CACHED);
        int dirty = index << 1 | 1;
        if (m.indexes[(int) word] != dirty) {
            m.indexes[(int) word] = dirty;
        }
        long cached = word + Magazine.CACHED_FREE;
        m.publish(cached);
        if (Magazine.drainDue(cached)) {
            drain(m);
        }
    }

    /**
     * Refills the empty magazine of class {@code sizeClass} from the heap and hands one block out,
     * LIVE and cleared if asked, as {@link #allocate} would have.
     *
     * @return a segment of {@code byteSize} bytes; null when the heap reached
     *     {@code maxMappedBytes} and caches must be revoked before a retry (see
     *     {@link SlabHeap#takeBatch})
     */
    public synchronized @Nullable MemorySegment refill(int sizeClass, long byteSize, boolean zero) {
        ensureView();
        flushIfRequested();
        Magazine m = mags[sizeClass];
        // Blocks other threads gave back come first, and need no heap lock.
        inbox.collect(this, heap, collectedSink);
        if (m.count() > 0) {
            return handOutTop(m, m.count() - 1, byteSize, zero);
        }
        m.refillsSinceDrain++;
        int want = Math.max(1, Math.min(256, m.capacity >> m.fillShift));
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
        int base = m.count();
        for (int i = 0; i < got; i++) {
            put(m, base + i, batchSpans[i], batch[i]);
        }
        m.takenIn += got;
        return handOutTop(m, base + got - 1, byteSize, zero);
    }

    /**
     * Under the monitor: hands out the block of slot {@code n}, the last filled, at once; its slot,
     * above the new count, remembers it for its free.
     */
    private MemorySegment handOutTop(Magazine m, int n, long byteSize, boolean zero) {
        setCount(m, n);
        lastAllocated = m;
        return handOut(m, n, (MemorySegment) m.segments[n], m.span(n), m.indexes[n], byteSize, zero);
    }

    /** Puts a block fresh from its span into a slot; its segment is cut when it is handed out. */
    private static void put(Magazine m, int i, Span span, long tagged) {
        m.set(i, null, span, span.indexOf(Span.address(tagged)) << 1 | (Span.isDirty(tagged) ? 1 : 0));
    }

    /** Under the monitor with a live view: publishes a new count for {@code m}. */
    private static void setCount(Magazine m, int n) {
        m.publishCount(n);
        m.lowWater = Math.min(m.lowWater, n);
    }

    /**
     * hakmem's periodic drain, every {@code drainInterval} frees of a class: blocks that sat in
     * the magazine through the whole interval (its low-water mark) go back to their spans, then
     * blocks of SuperSlabs that hold nothing but this thread's cached blocks follow them, so a
     * SuperSlab emptied behind the cache is still found empty (the seed's Options 2 and 3).
     */
    private synchronized void drain(Magazine m) {
        m.restartDrainInterval();
        if (!commits.alive()) {
            ensureView();
            return;
        }
        if (flushIfRequested()) {
            return;
        }
        collectOwnRemoteFrees();
        int idle = m.lowWater;
        int held = m.count();
        m.adaptFill(idle);
        if (idle > 0) {
            flushOldest(m, idle);
            // The scan for SuperSlabs emptied behind the cache costs a pass over every cached
            // block, so it runs only when most of this magazine sat idle: a thread that went
            // quiet, not one churning through its cache.
            if (2L * idle >= held) {
                flushEmptySuperSlabs();
            }
        }
        m.lowWater = m.count();
    }

    /**
     * Collects the remote frees of the spans this cache owns, which only it may collect (see
     * {@link SlabHeap#collectRemote}): refills do, and so do drains and flushes, for a thread that
     * keeps freeing without ever refilling.
     */
    private void collectOwnRemoteFrees() {
        inbox.collect(this, heap, collectedSink);
        // Spans of this cache wait on the heap's queue only when a freer saw a stale owner.
        if (heap.hasRemotePending()) {
            heap.lock();
            try {
                heap.collectRemote(this);
            } finally {
                heap.unlock();
            }
        }
    }

    /** Makes room in a full magazine: its older half goes back to the heap. Under the monitor. */
    private void flushOlderHalf(Magazine m) {
        flushOldest(m, Math.max(1, m.capacity / 2));
    }

    /** Gives the {@code k} oldest blocks of {@code m} back to the heap. Under the monitor. */
    private void flushOldest(Magazine m, int k) {
        int n = m.count();
        int flush = Math.min(k, n);
        heap.lock();
        try {
            for (int i = 0; i < flush; i++) {
                giveBack(m, i);
            }
        } finally {
            heap.unlock();
        }
        // No revoker can look in between: it needs this object's monitor.
        m.move(flush, 0, n - flush);
        m.clear(n - flush, n);
        setCount(m, n - flush);
    }

    /** Flushes every cached block whose SuperSlab has no block outside this cache. */
    private void flushEmptySuperSlabs() {
        heap.lock();
        try {
            // A churning thread with blocks of many classes drains often; the scan below costs a
            // pass over its cache, and it can only find something when some SuperSlab has no
            // more blocks in use than the cache holds.
            if (heap.fewestUsedBlocks() > cachedBlocks()) {
                return;
            }
            forEachCached(ss -> ss.scratch(0));
            forEachCached(ss -> ss.scratch(ss.scratch() + 1));
            for (Magazine m : mags) {
                int n = m.count();
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    SuperSlab ss = m.span(i).superSlab();
                    if (ss.usedBlocks() == ss.scratch()) {
                        giveBack(m, i);
                    } else {
                        if (i != kept) {
                            m.move(i, kept, 1);
                        }
                        kept++;
                    }
                }
                if (kept != n) {
                    m.clear(kept, n);
                    setCount(m, kept);
                }
            }
        } finally {
            heap.unlock();
        }
    }

    private void forEachCached(java.util.function.Consumer<SuperSlab> action) {
        for (Magazine m : mags) {
            for (int i = 0; i < m.count(); i++) {
                action.accept(m.span(i).superSlab());
            }
        }
    }

    /** Returns the block of slot {@code i} of {@code m} to its span. Heap lock held. */
    private void giveBack(Magazine m, int i) {
        Span span = m.span(i);
        int index = m.index(i);
        if (span.state(index) != Span.CACHED) {
            throw new IllegalStateException("hakmem internal error: cached block 0x"
                    + Long.toHexString(span.addressOf(index)) + " is in state " + span.state(index));
        }
        heap.giveBack(span, index);
        m.givenOut++;
    }

    /**
     * After the commit of an allocation from slot {@code n} of {@code m} threw: decides whether
     * the revoker left that block to the owner. The JDK can deliver the revocation's exception
     * after the write itself completed, so the exception alone does not tell; the count the
     * revoker read does. Taking the monitor waits for the revoker, which holds it from the close
     * until it recorded that count.
     *
     * <p>It also undoes the interrupt status the close handshake sets on a thread it catches
     * mid-access: {@code interruptedBefore} is the status read just before the access.
     *
     * @return whether the block of slot {@code n} is still this cache's to hand out
     */
    private boolean stillOwnedAfterRevocation(Magazine m, int n, boolean interruptedBefore) {
        if (!interruptedBefore) {
            Thread.interrupted();
        }
        synchronized (this) {
            boolean owned = n >= m.revokedCount;
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
        if (!commits.alive()) {
            if (!abandoned) {
                giveBackUnrevoked();
            }
            commits.renew();
            view = commits.view;
            for (Magazine m : mags) {
                m.reset();
            }
            if (!abandoned) {
                inbox.reopen();
            }
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
            for (Magazine m : mags) {
                int n = m.count();
                for (int i = m.revokedCount; i < n; i++) {
                    giveBack(m, i);
                    given++;
                }
                m.revokedCount = Math.max(m.revokedCount, n);
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
        if (!commits.alive()) {
            return abandoned || thread.isAlive() ? 0 : giveBackUnrevoked();
        }
        commits.revoke();
        generation++;
        inbox.close(heap);
        long given = 0;
        heap.lock();
        try {
            for (Magazine m : mags) {
                int n = m.published();
                m.revokedCount = n;
                for (int i = 0; i < n; i++) {
                    giveBack(m, i);
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
        inbox.close(heap);
        if (commits.alive()) {
            commits.revoke();
        }
        for (Magazine m : mags) {
            m.revokedCount = m.published();
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
        for (Magazine m : mags) {
            int n = m.count();
            if (n > 0) {
                given += n;
                flushOldest(m, n);
            }
        }
        return given;
    }

    /**
     * Adds, per class, the frees this cache accounts for to {@code totals}: those its magazines
     * kept, and other threads' frees it collected from its inbox; read racily.
     */
    void addCachedFrees(long[] totals) {
        for (Magazine m : mags) {
            totals[m.sizeClass] += m.cachedFrees() + m.remoteCollected;
        }
    }

    /**
     * Under the monitor: a block another thread freed into a span of this cache, collected from
     * the inbox, goes into its class's magazine like a refilled block.
     */
    private void cacheCollected(Span span, int index) {
        span.setState(index, Span.CACHED);
        Magazine m = mags[span.sizeClass()];
        if (m.count() == m.capacity) {
            flushOlderHalf(m);
        }
        int n = m.count();
        m.set(n, null, span, index << 1 | 1);
        m.publishCount(n + 1);
        m.takenIn++;
        m.remoteCollected++;
    }

    @Override
    public RemoteInbox remoteInbox() {
        return inbox;
    }

    /** {@return cached blocks, read racily: after a revocation, those it did not take} */
    long cachedBlocks() {
        boolean revoked = !commits.alive();
        long total = 0;
        for (Magazine m : mags) {
            total += held(m, revoked);
        }
        return total;
    }

    /**
     * {@return the cached blocks of {@code m} still the owner's, read racily: after a revocation it
     * has not noticed yet, only those at or above the count the revoker read and gave back}
     */
    private static int held(Magazine m, boolean revoked) {
        int n = m.published();
        return revoked ? Math.max(0, n - m.revokedCount) : n;
    }

    /** {@return whether the cache saw no operation since the previous call; for the trimmer} */
    boolean idleSinceLastVisit() {
        long now = totals().operations();
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
        remote.freedRemotely(byteSize, blockSize);
    }

    /** {@return what this cache counted, read racily} */
    OpTotals totals() {
        // Blocks abandoned at close were never given back: they stay counted as cached, not live.
        boolean revoked = !commits.alive() && !abandoned;
        OpTotals all = remote.totals();
        for (Magazine m : mags) {
            all = all.plus(m.totals(held(m, revoked)));
        }
        return all;
    }

    /** {@return the owning thread} */
    public Thread thread() {
        return thread;
    }
}
