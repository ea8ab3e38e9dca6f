package io.hakmem.slab;

import io.hakmem.os.OsMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The shared layer of one arena: SuperSlabs, spans and their free lists, behind one lock.
 * Thread caches reach it in batches; with caches off, every allocate and free does.
 *
 * <p>Empty detection is a chain, as in later hakmem: a span whose {@link Span#used} reaches 0
 * gives its slabs back to its SuperSlab; a SuperSlab with no slab in use is empty and goes to a
 * small cache or straight back to the OS. Because {@code used} counts cached and remote blocks
 * too, a block can only be hidden from this chain while a thread cache holds it, and the caches
 * hand blocks back on drain, flush and revocation.
 *
 * <p>The SuperSlabs themselves (mapping, the empty cache, the delayed purge of dirty slabs,
 * unmapping) are kept by a {@code SuperSlabPool}; this class keeps the spans and the lock.
 * Methods documented "Locked." assert that the calling thread holds it.
 */
@NullMarked
public final class SlabHeap {

    private final OsMemory os;
    final HeapPolicy policy;
    private final ReentrantLock lock = new ReentrantLock();
    final @Nullable Span[] partial = new Span[SizeClasses.count()];
    private final ConcurrentLinkedQueue<Span> remotePending = new ConcurrentLinkedQueue<>();
    /** {@link #giveBack}, as the heap's collection hands remotely freed blocks on; made once. */
    private final RemoteInbox.BlockSink givingBack = this::giveBack;
    /**
     * Remote-free bits collected, and their block bytes, over all collections. The freeing
     * threads count their remote frees; more frees than bits means two frees of one block raced
     * and set one bit (see {@link #doubleFreesDetected}). Added to atomically: owners collect
     * their inboxes without the lock.
     */
    @SuppressWarnings("unused") // through REMOTE_BITS_FOUND
    private volatile long remoteBitsFound;

    @SuppressWarnings("unused") // through REMOTE_BIT_BYTES_FOUND
    private volatile long remoteBitBytesFound;

    private static final VarHandle REMOTE_BITS_FOUND;
    private static final VarHandle REMOTE_BIT_BYTES_FOUND;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REMOTE_BITS_FOUND = lookup.findVarHandle(SlabHeap.class, "remoteBitsFound", long.class);
            REMOTE_BIT_BYTES_FOUND = lookup.findVarHandle(SlabHeap.class, "remoteBitBytesFound", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** Block bytes of the raced double frees seen by state. */
    private long doubleFreeBytes;

    final LargeMappings large;
    private final ArenaListener listener;
    /** Bytes of formed spans with no block out, kept for reuse until maintain() dissolves them. */
    long emptySpanBytes;

    private boolean closed;
    final SlabCounters counters = new SlabCounters();
    final SuperSlabPool pool;
    private final long purgeDelayNanos;
    /** The earliest purge or unmap due, or {@link Long#MAX_VALUE} when nothing waits. */
    long nextMaintenance = Long.MAX_VALUE;
    /**
     * Per class, users' frees that reached a span (a LIVE or REMOTE block given back), for
     * {@link ClassCensus}; frees a thread cache kept are counted by the cache instead.
     */
    private final long[] userFreesGivenBack = new long[SizeClasses.count()];
    /** Unlocks left before the next sampled {@link #invariantsHold}; only counted under assertions. */
    private long unlocksUntilCheck = INVARIANT_SAMPLE;

    /**
     * @param os where memory comes from
     * @param policy limits and delays
     * @param listener told of mappings, releases, purges and failures, on the slow path only
     */
    public SlabHeap(OsMemory os, HeapPolicy policy, ArenaListener listener) {
        this.os = os;
        this.policy = policy;
        this.listener = listener;
        this.pool = new SuperSlabPool(this, os, policy, listener, counters);
        this.large = new LargeMappings(os, pool.releasedScopes(), lock);
        this.purgeDelayNanos = policy.purgeDelayNanos();
    }

    /** Takes the lock; every method below marked "locked" requires it. */
    public void lock() {
        // Critical sections are short (a refill, a flush), so a waiter on another core does
        // better to spin briefly than to park: a park and unpark cost two context switches.
        for (int spins = 0; spins < LOCK_SPINS; spins++) {
            if (lock.tryLock()) {
                return;
            }
            Thread.onSpinWait();
        }
        lock.lock();
    }

    private static final int LOCK_SPINS = 64;

    /** Releases the lock. */
    public void unlock() {
        if (ASSERTIONS) {
            sampleInvariants();
        }
        lock.unlock();
    }

    /** Checks {@link #invariantsHold} on every 1024th unlock, or rarer on a large heap. */
    private void sampleInvariants() {
        // Only the outermost unlock checks: an inner one may sit in the middle of an operation.
        if (lock.getHoldCount() == 1 && --unlocksUntilCheck <= 0) {
            try {
                // A walk costs its state bytes: on a large heap the next one waits longer, so that
                // checking never costs more than a few state bytes per unlock.
                unlocksUntilCheck = Math.max(INVARIANT_SAMPLE, HeapInvariants.walk(this) / WALK_PER_UNLOCK);
            } catch (AssertionError e) {
                // Released all the same: a test that fails here must not hang the ones after it.
                lock.unlock();
                throw e;
            }
        }
    }

    /** {@return whether the calling thread holds the lock: what "Locked." methods assert} */
    boolean locked() {
        return lock.isHeldByCurrentThread();
    }

    /** Whether assertions are on for this class: only then are unlocks sampled for a check. */
    private static final boolean ASSERTIONS = assertionsEnabled();

    private static final long INVARIANT_SAMPLE = 1024;
    private static final long WALK_PER_UNLOCK = 16;

    private static boolean assertionsEnabled() {
        boolean enabled = false;
        // The assignment is the point: it only runs when assertions are on.
        assert enabled = true;
        return enabled;
    }

    /** {@return the SuperSlab containing {@code address}, or null; lock-free} */
    public @Nullable SuperSlab lookup(long address) {
        SuperSlab ss = SuperSlabMap.lookup(address);
        return ss != null && ss.heap == this ? ss : null;
    }

    /**
     * {@return what the process-wide SuperSlab map says of {@code address}: which kind of heap
     * maps a SuperSlab there, or that none does; lock-free, for diagnostics}
     */
    public static String describeSuperSlabAt(long address) {
        SuperSlab ss = SuperSlabMap.lookup(address);
        if (ss == null) {
            return "no hakmem SuperSlab is mapped there";
        }
        // Read without the heap's lock: a report may see a heap a moment before it closes.
        return "a SuperSlab of " + (ss.heap.closed ? "a closed" : "an open") + " hakmem heap is mapped there, at 0x"
                + Long.toHexString(ss.base);
    }

    /**
     * {@return the span of any arena whose slabs contain {@code address}, or null; lock-free, and
     * possibly a moment stale: check the segment's scope with {@link Span#owns}}
     */
    public static @Nullable Span spanAt(long address) {
        return SpanMap.lookup(address);
    }

    /** {@return the heap owning the SuperSlab that contains {@code address}, in any arena, or null} */
    public static @Nullable SlabHeap owningHeap(long address) {
        SuperSlab ss = SuperSlabMap.lookup(address);
        return ss == null ? null : ss.heap;
    }

    /** {@return whether {@code scope} belonged to memory this heap already gave back; lock-free} */
    public boolean released(java.lang.foreign.MemorySegment.Scope scope) {
        return pool.released(scope);
    }

    /** {@return the large mappings; locked} */
    public LargeMappings large() {
        assert locked();
        return large;
    }

    /** {@return the counters; read locked for a consistent view} */
    public SlabCounters counters() {
        return counters;
    }

    /**
     * Takes one block of class {@code sizeClass} into state {@code newState}. Locked.
     *
     * @return the block address, with {@link Span#DIRTY_BIT} set when it must be cleared
     * @throws OutOfMemoryError past {@code maxMappedBytes} or when the OS refuses
     */
    public long take(int sizeClass, byte newState) {
        assert locked();
        ensureOpen();
        maintain();
        Span span = partial[sizeClass];
        if (span == null) {
            span = newSpan(sizeClass);
        }
        reuse(span);
        long tagged = span.pop();
        if (!span.hasFree()) {
            unlist(span);
        }
        span.state[span.indexOf(Span.address(tagged))] = newState;
        return tagged;
    }

    /**
     * Takes up to {@code n} blocks of class {@code sizeClass} into {@code out}, cached for {@code owner}.
     * Locked. Blocks that must be cleared carry {@link Span#DIRTY_BIT}.
     *
     * @return how many blocks were taken: at least one, or 0 when only mapping a SuperSlab past
     *     {@code maxMappedBytes} could serve the class. Thread caches may pin memory that holds
     *     nothing live, and they can only be revoked without this lock held: the caller revokes
     *     them and asks again, and only that second failure is counted and thrown.
     */
    public int takeBatch(int sizeClass, long[] out, Span[] spans, int n, SpanOwner owner) {
        assert locked();
        ensureOpen();
        maintain();
        collectRemote(owner);
        int taken = 0;
        while (taken < n) {
            Span span = claimable(sizeClass, owner);
            if (span == null) {
                if (taken > 0) {
                    break;
                }
                span = newSpanWithinLimit(sizeClass);
                if (span == null) {
                    return 0;
                }
            }
            span.claim(owner);
            reuse(span);
            while (taken < n && span.hasFree()) {
                long tagged = span.pop();
                span.state[span.indexOf(Span.address(tagged))] = Span.CACHED;
                spans[taken] = span;
                out[taken++] = tagged;
            }
            if (!span.hasFree()) {
                unlist(span);
            }
        }
        return taken;
    }

    /**
     * The first span of class {@code sizeClass} that {@code owner} may carve, looking at a bounded number
     * of spans other caches hold; null when a new span must be formed.
     */
    private @Nullable Span claimable(int sizeClass, SpanOwner owner) {
        int looked = 0;
        for (Span s = partial[sizeClass]; s != null && looked < CLAIM_SCAN; s = s.next, looked++) {
            if (s.claimableBy(owner)) {
                return s;
            }
        }
        return null;
    }

    /** Spans held by other caches skipped before forming a new one: keeps a refill O(1). */
    private static final int CLAIM_SCAN = 16;

    /**
     * Gives a block back to its span: the free reached the SuperSlab layer. Locked. The caller has
     * checked that the block was LIVE or CACHED and owns that state.
     */
    public void giveBack(Span span, int index) {
        assert locked();
        if (span.state[index] != Span.CACHED) {
            userFreesGivenBack[span.sizeClass]++;
        }
        span.state[index] = Span.FREE;
        span.push(span.addressOf(index));
        counters.blockFreesToSpans++;
        if (span.used == 0) {
            onSpanEmpty(span);
        } else if (!span.listed) {
            list(span);
        }
    }

    /** Queues a block freed by a thread other than its span's owner; lock-free. */
    public void pushRemote(Span span, int index) {
        if (!span.casLiveToRemote(index)) {
            throw new IllegalStateException("double free of block 0x" + Long.toHexString(span.addressOf(index)) + " ("
                    + span.blockSize + " B class): it is not in use");
        }
        if (span.pushRemote(index)) {
            // The first remote free queues the span: in its owner's inbox, which the owner empties
            // without this heap's lock, or here, for spans whose owner let go, died or closed its
            // inbox; mimalloc's delayed free, so such spans are found even when their owner never
            // allocates again.
            SpanOwner o = span.owner;
            if (o == null || !span.ownedBy(o) || !o.remoteInbox().offer(span)) {
                remotePending.add(span);
            }
        }
    }

    /** Queues a span already marked queued on this heap's pending queue; lock-free. */
    void queueRemote(Span span) {
        remotePending.add(span);
    }

    /**
     * Hands the blocks of remote-free bits a collector took, word {@code w} of {@code span}'s, to
     * {@code sink}, which moves each on from REMOTE; the heap's collection and an owner's alike.
     * The bits are counted for {@link #racedDoubleFrees}, atomically: owners collect without the
     * lock. A block no longer REMOTE lost a race with a second free (the owner's plain write
     * overwrote the state the remote free had just set): it already has its one place, so it is
     * reported instead of handed on.
     *
     * @return blocks handed to {@code sink}
     */
    int takeRemoteBlocks(Span span, int w, long bits, RemoteInbox.BlockSink sink) {
        int n = Long.bitCount(bits);
        REMOTE_BITS_FOUND.getAndAdd(this, (long) n);
        REMOTE_BIT_BYTES_FOUND.getAndAdd(this, (long) n * span.blockSize);
        int taken = 0;
        for (; bits != 0; bits &= bits - 1) {
            int index = (w << 6) + Long.numberOfTrailingZeros(bits);
            if (span.state[index] == Span.REMOTE) {
                sink.take(span, index);
                taken++;
            } else {
                reportRacingDoubleFree(span, span.addressOf(index));
            }
        }
        return taken;
    }

    /** {@return whether remote frees wait to be collected; lock-free} */
    public boolean hasRemotePending() {
        return !remotePending.isEmpty();
    }

    /**
     * Moves remotely freed blocks back into their spans: those of spans {@code collector} owns,
     * and of spans no live cache owns. Locked.
     *
     * <p>A span a live cache owns is collected by that cache alone (at its refills and drains),
     * never by another thread: the owner's magazine free is plain (no atomic) on purpose, and a
     * collection racing it between its state check and its write is the one way a double free
     * raced against it could recycle a block twice. A revoked cache lets go of its spans (its
     * generation changed), so trim() still collects everything once caches are revoked.
     *
     * <p>An entry whose block is no longer REMOTE lost a race with a second free: the plain write
     * overwrote the state the remote free had just set. The block then sits in the magazine, or
     * was already handed out or given back through another entry; either way it has exactly one
     * place, and this entry is dropped and reported instead of recycling the block a second time.
     *
     * @param collector the thread cache collecting, or null for the heap itself
     */
    public void collectRemote(@Nullable SpanOwner collector) {
        assert locked();
        // Other owners' spans are stepped over where they are, not taken off and queued again:
        // with two threads freeing into each other's spans, requeueing made most of each
        // collection's queue traffic (2.5 of 4.3 million spans taken off in 2 s of larson).
        // Collectors hold the lock, so this iterator's removals race only with appends.
        for (Iterator<Span> pending = remotePending.iterator(); pending.hasNext(); ) {
            Span span = pending.next();
            if (!span.collectableBy(collector)) {
                continue;
            }
            pending.remove();
            span.unqueue();
            for (int w = 0; w < span.remoteWords(); w++) {
                long bits = span.takeRemoteWord(w);
                if (bits != 0) {
                    takeRemoteBlocks(span, w, bits, givingBack);
                }
            }
        }
    }

    /**
     * Raced double frees: both calls returned, and one of them freed nothing.
     *
     * @param count how many
     * @param bytes their block bytes, which the arena adds back to its live bytes since both
     *     calls counted as frees
     */
    public record RacedDoubleFrees(long count, long bytes) {}

    /**
     * {@return the raced double frees: those seen by state, plus remote frees that found no bit of
     * their own (two racing frees of one block set one bit). Bits still waiting for their owner
     * count as found. Locked; exact once the freeing threads are joined.}
     *
     * @param remoteFrees remote frees the freeing threads counted, each after setting its bit
     * @param remoteFreeBlockBytes the block bytes of those frees
     */
    public RacedDoubleFrees racedDoubleFrees(long remoteFrees, long remoteFreeBlockBytes) {
        assert locked();
        long[] found = {(long) REMOTE_BITS_FOUND.getVolatile(this), (long) REMOTE_BIT_BYTES_FOUND.getVolatile(this)};
        // Pending bits, wherever their span waits: on this heap's queue or in an owner's inbox.
        forEachSpan(span -> {
            for (int w = 0; w < span.remoteWords(); w++) {
                int n = Long.bitCount(span.remoteWord(w));
                found[0] += n;
                found[1] += (long) n * span.blockSize;
            }
        });
        long bits = found[0];
        long bitBytes = found[1];
        return new RacedDoubleFrees(
                counters.doubleFreesDetected + Math.max(0, remoteFrees - bits),
                doubleFreeBytes + Math.max(0, remoteFreeBlockBytes - bitBytes));
    }

    /** Counts and logs a raced double free; takes the lock, which a locked caller holds already. */
    private void reportRacingDoubleFree(Span span, long address) {
        lock();
        try {
            counters.doubleFreesDetected++;
            doubleFreeBytes += span.blockSize;
        } finally {
            unlock();
        }
        DOUBLE_FREE_LOG.log(
                System.Logger.Level.WARNING,
                () -> "hakmem: double free of block 0x"
                        + Long.toHexString(address) + " (" + span.blockSize
                        + " B class): two threads freed it at the same "
                        + "moment and both calls returned; the second free was dropped, the block was not recycled twice");
    }

    private static final System.Logger DOUBLE_FREE_LOG = System.getLogger("io.hakmem");

    private void ensureOpen() {
        if (closed) {
            throw new ArenaClosedException("this HakmemArena is closed", null);
        }
    }

    private void onSpanEmpty(Span span) {
        SuperSlab ss = span.superSlab;
        if (ss.usedBlocks == 0) {
            countEmpty(ss);
        }
        // An empty span stays formed for a purge delay, at the head of its class's list, so that
        // churn never dissolves and re-forms spans: a 64 KiB block is a span of its own, and
        // forming one costs three objects and the slab bookkeeping. maintain() dissolves the
        // spans that stayed empty, and a class short of slabs takes them at once.
        if (span.listed) {
            unlist(span);
        }
        list(span);
        long now = System.nanoTime();
        span.emptySince = now;
        emptySpanBytes += span.bytes();
        schedule(idleBytes() > policy.purgeThresholdBytes() ? now : now + purgeDelayNanos);
    }

    /** A formed span about to hand out a block stops counting as idle when it was empty. */
    private void reuse(Span span) {
        if (span.used == 0) {
            emptySpanBytes -= span.bytes();
            assert emptySpanBytes >= 0 : "idle span bytes went negative: " + emptySpanBytes;
        }
    }

    /** {@return bytes of empty slabs, dissolved (dirty) or still formed, waiting for their purge} */
    private long idleBytes() {
        return pool.dirtyBytes() + emptySpanBytes;
    }

    /** Counts a SuperSlab found with no block outside its spans, once per time it empties. */
    private void countEmpty(SuperSlab ss) {
        if (!ss.emptyCounted) {
            ss.emptyCounted = true;
            counters.emptySuperSlabsDetected++;
        }
    }

    private void releaseSpan(Span span) {
        releaseSpan(span, System.nanoTime());
    }

    /**
     * Dissolves an empty span whose slabs have been unused since {@code now}: maintain() passes
     * the time the span emptied, so that its slabs are purged, and its SuperSlab unmapped, as
     * if the span had been dissolved the moment it emptied.
     */
    private void releaseSpan(Span span, long now) {
        if (span.listed) {
            unlist(span);
        }
        emptySpanBytes -= span.bytes();
        assert span.used == 0 && emptySpanBytes >= 0 : "dissolving a span in use, or idle bytes negative";
        SuperSlab ss = span.superSlab;
        for (int i = span.firstSlab; i < span.firstSlab + span.slabCount; i++) {
            ss.mapSlab(i, null);
        }
        pool.giveBackSlabs(ss, span.mask(), now);
        // The purge waits for maintain(): a slab reused before its delay never pays a madvise
        // and the page faults after it, and the free path never makes a system call.
        schedule(idleBytes() > policy.purgeThresholdBytes() ? now : now + purgeDelayNanos);
        if (ss.isEmpty()) {
            countEmpty(ss);
            long unmapDue = pool.retire(ss, now);
            if (unmapDue != Long.MAX_VALUE) {
                schedule(unmapDue);
            }
        }
    }

    private void schedule(long due) {
        if (nextMaintenance == Long.MAX_VALUE || due - nextMaintenance < 0) {
            nextMaintenance = due;
        }
    }

    /**
     * Purges the slabs that stayed empty for the purge delay and unmaps the empty SuperSlabs
     * beyond the kept few that stayed empty for a thousand; cheap when nothing is due. Called from
     * allocation slow paths and the background trimmer. Locked.
     */
    public void maintain() {
        assert locked();
        if (nextMaintenance == Long.MAX_VALUE) {
            return;
        }
        long now = System.nanoTime();
        if (now - nextMaintenance < 0) {
            return;
        }
        boolean purgeAll = idleBytes() > policy.purgeThresholdBytes();
        long next = earlier(releaseIdleSpans(now, purgeAll), pool.purgeDirty(now, purgeAll));
        nextMaintenance = earlier(next, pool.unmapExpired(now));
        assert invariantsHold();
    }

    /** Dissolves the formed spans that stayed empty for the purge delay; returns the next due. */
    private long releaseIdleSpans(long now, boolean all) {
        long next = Long.MAX_VALUE;
        for (int k = 0; k < partial.length; k++) {
            for (Span s = partial[k]; s != null; ) {
                Span following = s.next;
                if (s.used == 0) {
                    long due = s.emptySince + purgeDelayNanos;
                    if (all || now - due >= 0) {
                        releaseSpan(s, s.emptySince);
                    } else {
                        next = earlier(next, due);
                    }
                }
                s = following;
            }
        }
        return next;
    }

    private static long earlier(long a, long b) {
        return SuperSlabPool.earlier(a, b);
    }

    private Span newSpan(int sizeClass) {
        Span span = newSpanWithinLimit(sizeClass);
        if (span == null) {
            throw limitExceeded(SuperSlab.SIZE);
        }
        return span;
    }

    /** A span for {@code sizeClass}, or null where mapping one would cross {@code maxMappedBytes}; nothing is counted. */
    private @Nullable Span newSpanWithinLimit(int sizeClass) {
        Span span = formSpanWithoutMapping(sizeClass);
        if (span != null) {
            return span;
        }
        if (pool.cachedCount() == 0 && !fitsUnderLimit(SuperSlab.SIZE)) {
            return null;
        }
        return formSpan(cachedOrNewSuperSlab(), 0, sizeClass);
    }

    /** {@return the most recently emptied cached SuperSlab, else a new mapping; on the live list} */
    private SuperSlab cachedOrNewSuperSlab() {
        SuperSlab ss = pool.reuseCached();
        return ss != null ? ss : mapSuperSlab();
    }

    private @Nullable Span formSpanWithoutMapping(int sizeClass) {
        int slabs = SizeClasses.spanSlabs(sizeClass);
        Span span = formSpanInLiveSuperSlab(sizeClass, slabs);
        // Empty spans kept for their own class must not make another class map a new SuperSlab.
        if (span == null && releaseEmptySpans()) {
            span = formSpanInLiveSuperSlab(sizeClass, slabs);
        }
        return span;
    }

    private @Nullable Span formSpanInLiveSuperSlab(int sizeClass, int slabs) {
        for (SuperSlab ss : pool.live()) {
            int first = ss.findFreeRun(slabs);
            if (first >= 0) {
                return formSpan(ss, first, sizeClass);
            }
        }
        return null;
    }

    /** Releases every formed span that holds no block; returns whether there was one. */
    private boolean releaseEmptySpans() {
        boolean released = false;
        for (int k = 0; k < partial.length; k++) {
            for (Span s = partial[k]; s != null; ) {
                Span next = s.next;
                if (s.used == 0) {
                    releaseSpan(s);
                    released = true;
                }
                s = next;
            }
        }
        return released;
    }

    private Span formSpan(SuperSlab ss, int first, int sizeClass) {
        Span span = new Span(ss, first, sizeClass, false);
        span.dirty = pool.takeSlabs(ss, span.mask());
        for (int i = first; i < first + span.slabCount; i++) {
            ss.mapSlab(i, span);
        }
        // Formed and empty: idle until its first block goes out.
        emptySpanBytes += span.bytes();
        list(span);
        return span;
    }

    private SuperSlab mapSuperSlab() {
        checkLimit(SuperSlab.SIZE);
        SuperSlab ss = pool.map();
        if (ss == null) {
            throw outOfMemory(
                    FailureReason.OS_REFUSED,
                    "the OS refused to map a 2 MiB SuperSlab (" + os.name() + ")",
                    SuperSlab.SIZE);
        }
        return ss;
    }

    /** Fails with {@link OutOfMemoryError} when mapping {@code bytes} more would cross the limit. Locked. */
    public void checkLimit(long bytes) {
        assert locked();
        if (!fitsUnderLimit(bytes)) {
            throw limitExceeded(bytes);
        }
    }

    /** Counts and describes an allocation that would map {@code bytes} past the limit. */
    private OutOfMemoryError limitExceeded(long bytes) {
        return outOfMemory(
                FailureReason.LIMIT,
                "mapping " + bytes + " more bytes would exceed maxMappedBytes=" + policy.maxMappedBytes()
                        + " (mapped now: " + mappedBytes() + ")",
                bytes);
    }

    /**
     * {@return whether {@code bytes} more stay under {@code maxMappedBytes}, after giving back
     * memory that holds no block (empty spans kept for reuse, cached SuperSlabs) if they would not.
     * Locked.}
     */
    private boolean fitsUnderLimit(long bytes) {
        assert locked();
        // mapped never exceeds the limit, so the subtraction cannot overflow where a sum could.
        if (bytes > policy.maxMappedBytes() - mappedBytes()) {
            trim();
        }
        return bytes <= policy.maxMappedBytes() - mappedBytes();
    }

    /** Counts and describes a failed allocation that tried to map {@code bytes}. Locked. */
    public OutOfMemoryError outOfMemory(FailureReason reason, String why, long bytes) {
        assert locked();
        counters.allocFailures++;
        listener.allocationFailed(reason, why, bytes);
        return new OutOfMemoryError("hakmem arena: " + why);
    }

    /** {@return bytes mapped now: SuperSlabs, cached ones included, plus large mappings. Locked.} */
    public long mappedBytes() {
        assert locked();
        return pool.mappedBytes() + large.mappedBytes();
    }

    /** {@return bytes of all mappings resident in RAM, or -1 when unknown. Locked.} */
    public long residentBytes() {
        assert locked();
        long total = large.residentBytes();
        if (total < 0) {
            return -1;
        }
        long superSlabs = pool.residentBytes();
        return superSlabs < 0 ? -1 : total + superSlabs;
    }

    /**
     * Gives back everything that holds no block: remote frees, empty spans kept for reuse, dirty
     * slabs, and cached SuperSlabs. Locked.
     *
     * @return bytes handed back to the OS (unmapped or purged)
     */
    public long trim() {
        assert locked();
        collectRemote(null);
        long before = mappedBytes();
        long purgedBefore = counters.slabsPurged;
        releaseEmptySpans();
        pool.purgeDirty(System.nanoTime(), true);
        pool.unmapCached(ReleaseReason.TRIM);
        nextMaintenance = Long.MAX_VALUE;
        assert invariantsHold();
        return before - mappedBytes() + ((counters.slabsPurged - purgedBefore) << SizeClasses.SLAB_SHIFT);
    }

    /** Unmaps everything, live blocks or not; the heap is unusable afterwards. Locked. */
    public void closeAll() {
        assert locked();
        closed = true;
        pool.unmapAll(ReleaseReason.CLOSE);
        large.closeAll();
        java.util.Arrays.fill(partial, null);
        emptySpanBytes = 0;
        assert invariantsHold();
    }

    /**
     * Maps a dedicated block. Locked.
     *
     * @throws OutOfMemoryError past {@code maxMappedBytes} or when the OS refuses
     */
    public java.lang.foreign.MemorySegment allocateLarge(long byteSize, long alignment) {
        assert locked();
        ensureOpen();
        maintain();
        long bytes = LargeMappings.mappedSize(byteSize, alignment);
        if (bytes < 0) {
            throw outOfMemory(
                    FailureReason.ADDRESS_SPACE,
                    "a dedicated mapping of " + byteSize + " bytes aligned to " + alignment
                            + " does not fit in the address space",
                    byteSize);
        }
        checkLimit(bytes);
        java.lang.foreign.MemorySegment segment = large.map(byteSize, alignment);
        if (segment == null) {
            throw outOfMemory(
                    FailureReason.OS_REFUSED,
                    "the OS refused a dedicated mapping of " + byteSize + " bytes aligned to " + alignment + " ("
                            + os.name() + ")",
                    bytes);
        }
        return segment;
    }

    /** Unmaps a large block; returns its requested size. Locked. */
    public long freeLarge(long address) {
        assert locked();
        return large.unmap(address);
    }

    /** Calls {@code visitor} for each live large block. Locked. */
    public void forEachLarge(BlockVisitor visitor) {
        assert locked();
        large.forEach(visitor);
    }

    /** Calls {@code visitor} for every mapping: SuperSlabs in use, cached ones, large blocks. Locked. */
    public void forEachMapping(RangeVisitor visitor) {
        assert locked();
        pool.forEachMapping(visitor);
        large.forEachMapping(visitor);
    }

    /** Calls {@code visitor} for every block in state {@code wanted}, in address order. Locked. */
    public void forEachBlock(byte wanted, Consumer<Span> spanVisitor, BlockVisitor visitor) {
        assert locked();
        forEachSpanWhile(s -> {
            spanVisitor.accept(s);
            for (int i = 0; i < s.bump; i++) {
                if (s.state[i] == wanted && !visitor.visit(s.addressOf(i), s.blockSize)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Calls {@code visitor} once for every formed span, in address order. Locked. */
    public void forEachSpan(Consumer<Span> visitor) {
        assert locked();
        forEachSpanWhile(s -> {
            visitor.accept(s);
            return true;
        });
    }

    /**
     * {@return the fewest used blocks of any SuperSlab with a span: no SuperSlab can be emptied by
     * giving back fewer blocks than this. Locked.}
     */
    public int fewestUsedBlocks() {
        assert locked();
        int fewest = Integer.MAX_VALUE;
        for (SuperSlab ss : pool.live()) {
            fewest = Math.min(fewest, ss.usedBlocks);
        }
        return fewest;
    }

    /** Calls {@code visitor} once for every formed span, in address order, until it returns false. */
    private void forEachSpanWhile(Predicate<Span> visitor) {
        for (SuperSlab ss : pool.live()) {
            Span last = null;
            for (Span s : ss.spanAt) {
                if (s != null && s != last && !visitor.test(s)) {
                    return;
                }
                last = s;
            }
        }
    }

    /** {@return users' frees of class {@code sizeClass} that reached a span, cumulative. Locked.} */
    public long userFreesGivenBack(int sizeClass) {
        assert locked();
        return userFreesGivenBack[sizeClass];
    }

    /** {@return bytes of {@code [address, address + bytes)} resident in RAM, or -1 when unknown. Locked.} */
    long residentBytes(long address, long bytes) {
        assert locked();
        return os.residentBytes(address, bytes);
    }

    /**
     * Walks the whole heap and checks the books every operation keeps, in the manner of mimalloc's
     * {@code mi_heap_is_valid}. Runs under assertions only: at the end of {@link #trim}, of a
     * {@link #maintain} that did work and of {@link #closeAll}, and on a sample of unlocks. Locked.
     *
     * @return true, so that it can be asserted
     * @throws AssertionError naming the first invariant found broken, where, and the numbers
     */
    boolean invariantsHold() {
        HeapInvariants.walk(this);
        return true;
    }

    /** Receives one mapped range. */
    @FunctionalInterface
    public interface RangeVisitor {
        /**
         * @param address the range's base
         * @param bytes its length
         */
        void visit(long address, long bytes);
    }

    /** Receives one block; returns false to stop. */
    @FunctionalInterface
    public interface BlockVisitor {
        /** {@return whether to go on} */
        boolean visit(long address, long blockSize);
    }

    private void list(Span span) {
        Span head = partial[span.sizeClass];
        span.prev = null;
        span.next = head;
        if (head != null) {
            head.prev = span;
        }
        partial[span.sizeClass] = span;
        span.listed = true;
    }

    private void unlist(Span span) {
        if (span.prev != null) {
            span.prev.next = span.next;
        } else {
            partial[span.sizeClass] = span.next;
        }
        if (span.next != null) {
            span.next.prev = span.prev;
        }
        span.prev = null;
        span.next = null;
        span.listed = false;
    }
}
