package io.hakmem;

import io.hakmem.cache.BackgroundTrimmer;
import io.hakmem.cache.Magazine;
import io.hakmem.cache.OpTotals;
import io.hakmem.cache.ThreadCache;
import io.hakmem.cache.ThreadCaches;
import io.hakmem.events.JfrArenaListener;
import io.hakmem.os.OsMemories;
import io.hakmem.os.OsMemory;
import io.hakmem.slab.ArenaClosedException;
import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.BadFrees;
import io.hakmem.slab.ClassCensus;
import io.hakmem.slab.HeapPolicy;
import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SlabHeap;
import io.hakmem.slab.Span;
import io.hakmem.slab.SuperSlab;
import io.hakmem.watch.ArenaWatch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.management.ObjectName;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Arena} whose segments can be freed one by one, and whose memory goes back to the OS
 * when it is free.
 *
 * <pre>{@code
 * try (HakmemArena arena = HakmemArena.create()) {
 *     MemorySegment point = arena.allocate(16);
 *     point.set(ValueLayout.JAVA_LONG, 0, 42L);
 *     MemorySegment name = arena.allocateFrom("hakmem");
 *     arena.free(point);
 *     arena.free(name);
 *     arena.trim();                        // hand empty SuperSlabs back now
 *     assert arena.stats().mappedBytes() == 0;
 * }
 * }</pre>
 *
 * <p>Blocks up to 256 KiB come from 2 MiB SuperSlabs split into 64 KiB slabs; larger or more
 * than 4 KiB-aligned blocks get a mapping of their own. Blocks up to 256 KiB pass through
 * per-thread magazines; see {@link HakmemConfig#magazineCapacity()}. Every method is safe to
 * call from any thread, virtual threads included.
 *
 * <p>Segments are zero-filled unless {@link HakmemConfig#zeroOnAllocate()} is off, and their
 * {@code byteSize()} is the requested size.
 */
@NullMarked
public final class HakmemArena extends FrontPlacesPad3 implements Arena {

    static {
        // Before any arena exists: a test tool that finds a closed arena's range still mapped asks
        // the SuperSlab map through the watch hook, which sees nothing of the slab layer itself.
        ArenaWatch.describeSuperSlabsWith(SlabHeap::describeSuperSlabAt);
    }

    private final HakmemConfig config;
    private final String name;
    private final SlabHeap heap;
    private final ArenaListener listener = JfrArenaListener.INSTANCE;
    private final @Nullable ThreadCaches caches;
    /**
     * {@link #caches} when the owner's fast paths may use them: not while sites are tracked or
     * blocks are guarded, so those paths never look at either.
     */
    private final @Nullable ThreadCaches fastCaches;
    /**
     * {@link #fastCaches}' hint slots, or null without fast caches: kept here, a thread past the
     * second reaches its cache in two loads from the arena instead of three (a probe of one
     * thread through the slots: 10.8-11.2 ns per pair, against 11.6-11.8 through the cache set).
     */
    private final @Nullable ThreadCache @Nullable [] fastHints;

    private final Arena lifetime = Arena.ofShared();
    private final boolean zero;
    private final @Nullable AllocationSites sites;
    private final @Nullable Poison poison;
    private final @Nullable UseAfterFreeGuard guard;
    private final boolean global;
    private final ArenaWatch.Registration registration;
    /** Set by {@link ArenaMonitoring} while the arena is registered with JMX. */
    volatile @Nullable ObjectName mxBeanName;

    private volatile boolean closed;
    /** Set under the heap lock once close() has unmapped everything: no class is in use any more. */
    private boolean unmapped;
    /** The paths that take the heap lock per block, and their counters. */
    private final UncachedPaths uncached;

    private long opsAtLastTrimVisit = -1;

    private HakmemArena(HakmemConfig config, OsMemory os, boolean global) {
        this.config = config;
        this.global = global;
        this.guard = config.detectUseAfterFree() ? new UseAfterFreeGuard() : null;
        this.heap = new SlabHeap(os, heapPolicy(config), listener);
        this.zero = config.zeroOnAllocate();
        this.sites = config.trackAllocationSites() ? new AllocationSites() : null;
        this.poison = config.poisonFreedBlocks() ? new Poison() : null;
        // Poisoning checks every recycled block's bytes under the lock, so it turns the caches off.
        // Site tracking keeps them: it records and forgets at the entry points, outside the lock.
        boolean fast = sites == null && guard == null;
        this.caches = config.magazineCapacity() > 0 && poison == null
                ? new ThreadCaches(
                        heap,
                        config.magazineCapacity(),
                        config.drainInterval(),
                        listener,
                        fast ? this::frontCacheChanged : (place, cache) -> {})
                : null;
        this.fastCaches = fast ? caches : null;
        this.fastHints = fastCaches == null ? null : fastCaches.hintSlots();
        this.uncached = new UncachedPaths(this, heap, config, poison, caches);
        if (!config.backgroundTrimInterval().isZero()) {
            BackgroundTrimmer.register(
                    this, HakmemArena::trimIdle, config.backgroundTrimInterval().toNanos());
        }
        this.registration = ArenaWatch.opened(this, global);
        // The registration walked the creating stack already; the default name reads it.
        String named = config.name();
        this.name = named != null ? named : ArenaNames.of(registration.origin());
    }

    private static HeapPolicy heapPolicy(HakmemConfig config) {
        return new HeapPolicy(
                config.purgeDelay().toNanos(),
                config.purgeThresholdBytes(),
                config.emptySuperSlabCacheSize(),
                config.maxMappedBytes());
    }

    /**
     * The process-wide arena, for production code that wants {@code malloc} and {@code free}
     * without owning an arena: created on first use with {@link HakmemConfig#defaults()} (system
     * properties and environment variables), safe for every thread, and never closed.
     *
     * <pre>{@code
     * MemorySegment buffer = HakmemArena.global().allocate(4096);
     * try {
     *     fill(buffer);
     * } finally {
     *     HakmemArena.global().free(buffer);
     * }
     * }</pre>
     *
     * <p>Under the JUnit extension, a block allocated from it during a test and not freed by the
     * end of the test is that test's leak.
     *
     * @return the one global arena
     * @throws IllegalCallerException when native access is not enabled
     */
    public static HakmemArena global() {
        return GlobalHolder.ARENA;
    }

    /** Lazy and thread-safe through class initialization. */
    private static final class GlobalHolder {
        private static final HakmemConfig CONFIG =
                HakmemConfig.defaults().toBuilder().name("global").build();
        static final HakmemArena ARENA = ArenaMonitoring.opened(
                new HakmemArena(CONFIG, OsMemories.of(CONFIG.osBackend().choice()), true));
    }

    /**
     * Creates an arena with {@link HakmemConfig#defaults()}.
     *
     * @return a new, open arena
     * @throws IllegalCallerException when native access is not enabled; the message says how
     */
    public static HakmemArena create() {
        return create(HakmemConfig.defaults());
    }

    /**
     * Creates an arena with the given settings.
     *
     * <pre>{@code
     * HakmemArena arena = HakmemArena.create(HakmemConfig.builder().magazineCapacity(0).build());
     * }</pre>
     *
     * @param config the settings
     * @return a new, open arena
     */
    public static HakmemArena create(HakmemConfig config) {
        Objects.requireNonNull(config, "config");
        return ArenaMonitoring.opened(
                new HakmemArena(config, OsMemories.of(config.osBackend().choice()), false));
    }

    /** For tests that inject an OS layer, e.g. one that fails on demand. */
    static HakmemArena create(HakmemConfig config, OsMemory os) {
        return ArenaMonitoring.opened(new HakmemArena(config, os, false));
    }

    /**
     * Allocates a block of {@code byteSize} bytes aligned to {@code byteAlignment}.
     *
     * @param byteSize 0 or more
     * @param byteAlignment a power of two
     * @return a segment of exactly {@code byteSize} bytes, zero-filled unless configured otherwise
     * @throws IllegalArgumentException on a negative size or an alignment that is not a power of two
     * @throws IllegalStateException after {@link #close()}
     * @throws OutOfMemoryError past {@link HakmemConfig#maxMappedBytes()} or when the OS refuses;
     *     the arena stays usable
     */
    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        MemorySegment segment = fromCache(byteSize, byteAlignment);
        return segment != null ? handOutCached(segment) : allocateUncached(byteSize, byteAlignment);
    }

    /** {@link #fromCache(long)} for the alignments every cached block has. */
    private @Nullable MemorySegment fromCache(long byteSize, long byteAlignment) {
        return byteAlignment == 1 || byteAlignment == 8 ? fromCache(byteSize) : null;
    }

    /**
     * Allocates a block of {@code byteSize} bytes with byte alignment; the most common call gets
     * its own entry so that it stays small enough for callers to inline.
     *
     * @param byteSize 0 or more
     * @return a segment of exactly {@code byteSize} bytes, zero-filled unless configured otherwise
     */
    @Override
    public MemorySegment allocate(long byteSize) {
        // Both allocate entries stay within C2's MaxInlineSize (35 bytes of bytecode): where the
        // caller's profile calls the site cold, as when the caller was compiled before its profile
        // filled, C2 inlines a method that small, but only while the method has no C2 code of its
        // own above InlineSmallCode / 4 (625 bytes). This one's own compile is 2-4 KB, so a cold
        // site inlines it only if the caller is compiled first (see CONTRIBUTING). At 36 bytes,
        // one fork of five kept cache-scratch's allocate and free out of line, at 15.4 ns per
        // block against 14.2-14.4. free is larger: each shape of it under 36 bytes measured about
        // 1 ns slower there, for a reason not found.
        MemorySegment segment = fromCache(byteSize);
        return segment != null ? handOutCached(segment) : allocateUncached(byteSize, 1);
    }

    private MemorySegment allocateUncached(long byteSize, long byteAlignment) {
        try {
            return handOut(allocateSlow(byteSize, byteAlignment));
        } catch (IllegalStateException e) {
            throw closedDuring(e);
        }
    }

    /** Wraps the block when use-after-free is detected, and tells a watching test tool. */
    private MemorySegment handOut(MemorySegment block) {
        if (guard == null && !ArenaWatch.watching()) {
            return block;
        }
        return handOutWatched(block);
    }

    /** {@link #handOut} for a block of {@link #fromCache}, which has no guard to wrap it. */
    private MemorySegment handOutCached(MemorySegment block) {
        return ArenaWatch.watching() ? handOutWatched(block) : block;
    }

    private MemorySegment handOutWatched(MemorySegment block) {
        MemorySegment segment = guard == null ? block : guard.wrap(block);
        ArenaWatch.Listener l = ArenaWatch.listener();
        if (l != null) {
            l.allocated(this, segment);
        }
        return segment;
    }

    /**
     * A close racing a call can end the scope of the memory the call is about to touch, and the
     * JDK then says only "Already closed": name the arena instead.
     */
    private IllegalStateException closedDuring(IllegalStateException e) {
        if (closed && !(e instanceof ArenaClosedException)) {
            return new ArenaClosedException("this HakmemArena was closed while the call was running", e);
        }
        return e;
    }

    /** The owner's magazine hit, or null; everything else, bad input included, is allocateSlow's. */
    private @Nullable MemorySegment fromCache(long byteSize) {
        if (byteSize <= 0 || byteSize > SizeClasses.MAX_SMALL) {
            return null;
        }
        int sizeClass = SizeClasses.classOf(byteSize);
        Thread t = Thread.currentThread();
        int place = frontPlace(t);
        ThreadCache tc = cache(place, t);
        Magazine m = tc == null ? null : lastMagazine(place, tc);
        if (tc == null || m == null) {
            return null;
        }
        if (m.sizeClass() != sizeClass) {
            m = switchClass(place, tc, sizeClass);
        }
        try {
            // One call site: a caller that inlines this method inlines the magazine allocation,
            // and its clearing, once. Two copies crowded out the caller's own code: compiled into
            // a loop of 64 segment accesses, they left the accesses out of line (C2's node
            // cutoff), at 190 ns per iteration instead of 16.
            return tc.allocate(m, byteSize, zero);
        } catch (IllegalStateException e) {
            throw closedDuring(e);
        }
    }

    /** {@return 0 or 1 for the thread of that front place, -1 for any other} */
    private int frontPlace(Thread t) {
        return firstThread == t ? 0 : secondThread == t ? 1 : -1;
    }

    /** {@return the cache of thread {@code t}, at front place {@code place}; null when the fast paths are off} */
    private @Nullable ThreadCache cache(int place, Thread t) {
        return place == 0 ? firstCache : place == 1 ? secondCache : hintedCache(t);
    }

    /** {@return the magazine of the last allocation of {@code tc}'s thread, at front place {@code place}} */
    private @Nullable Magazine lastMagazine(int place, ThreadCache tc) {
        return place == 0 ? firstMagazine : place == 1 ? secondMagazine : tc.lastAllocated();
    }

    /** {@return {@code tc}'s magazine of {@code sizeClass}, remembered as its thread's last} */
    private Magazine switchClass(int place, ThreadCache tc, int sizeClass) {
        if (place < 0) {
            return tc.lastAllocated(sizeClass);
        }
        Magazine m = tc.magazine(sizeClass);
        if (place == 0) {
            firstMagazine = m;
        } else {
            secondMagazine = m;
        }
        return m;
    }

    private @Nullable ThreadCache hintedCache(Thread t) {
        ThreadCache[] slots = fastHints;
        if (slots == null) {
            return null;
        }
        ThreadCache c = ThreadCaches.hinted(slots, t);
        return c != null ? c : Objects.requireNonNull(fastCaches).current();
    }

    /**
     * The {@link ThreadCaches.FrontCacheSink} of the fast caches; under their monitor, by the
     * thread claiming the place or by the reaper of its dead one. The thread is cleared first and
     * written last, as the sink asks.
     */
    private void frontCacheChanged(int place, @Nullable ThreadCache cache) {
        Magazine last = cache == null ? null : cache.lastAllocated();
        Thread owner = cache == null ? null : cache.thread();
        if (place == 0) {
            firstThread = null;
            firstCache = cache;
            firstMagazine = last;
            firstThread = owner;
        } else {
            secondThread = null;
            secondCache = cache;
            secondMagazine = last;
            secondThread = owner;
        }
    }

    private MemorySegment allocateSlow(long byteSize, long byteAlignment) {
        MemorySegment segment = allocateAny(byteSize, byteAlignment);
        if (sites != null) {
            sites.record(segment.address(), byteSize);
        }
        return segment;
    }

    private MemorySegment allocateAny(long byteSize, long byteAlignment) {
        if (byteSize < 0 || byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0) {
            throw badRequest(byteSize, byteAlignment);
        }
        // No closed check here: close() revokes every cache, so a closed arena fails on the
        // locked path, which checks under the lock.
        int sizeClass = SizeClasses.classFor(byteSize, byteAlignment);
        ThreadCaches tcs = caches;
        if (tcs != null && sizeClass >= 0) {
            ThreadCache tc = tcs.current();
            if (tc != null) {
                MemorySegment segment = tc.allocate(sizeClass, byteSize, zero);
                if (segment != null) {
                    return segment;
                }
                segment = tc.refill(sizeClass, byteSize, zero);
                return segment != null ? segment : refillAfterRevoking(tcs, tc, sizeClass, byteSize);
            }
        }
        return sizeClass < 0 ? uncached.allocateLarge(byteSize, byteAlignment) : uncached.allocate(sizeClass, byteSize);
    }

    /**
     * A refill that found the heap at {@code maxMappedBytes}: memory pinned by thread caches, this
     * one's included, counts against the limit, so it is given back before the refill is tried
     * again; the limit check then fails for real, counted, with the usual message.
     */
    private MemorySegment refillAfterRevoking(ThreadCaches tcs, ThreadCache tc, int sizeClass, long byteSize) {
        tcs.revokeAll();
        for (; ; ) {
            MemorySegment segment = tc.refill(sizeClass, byteSize, zero);
            if (segment != null) {
                return segment;
            }
            heap.lock();
            try {
                ensureOpen();
                heap.checkLimit(SuperSlab.SIZE);
            } finally {
                heap.unlock();
            }
            // Another thread freed a SuperSlab in between: there is room again.
        }
    }

    private static IllegalArgumentException badRequest(long byteSize, long byteAlignment) {
        if (byteSize < 0) {
            return new IllegalArgumentException("byteSize must not be negative, was " + byteSize);
        }
        return new IllegalArgumentException("byteAlignment must be a power of two, was " + byteAlignment);
    }

    /**
     * Gives a block back. Blocks of the thread's own spans go to its magazine;
     * blocks of another thread's span go to that span's lock-free remote queue.
     *
     * @param segment a segment returned by this arena's {@code allocate}, not freed yet
     * @throws IllegalArgumentException when the segment was not allocated by this arena, or does
     *     not start at a block
     * @throws IllegalStateException on a double free, or after {@link #close()}
     */
    public void free(MemorySegment segment) {
        try {
            Thread t = Thread.currentThread();
            int place = frontPlace(t);
            ThreadCache tc = cache(place, t);
            Magazine last = tc == null ? null : lastMagazine(place, tc);
            // Guarded, tracked, watched and virtual threads' frees take their own method; a guarded
            // arena has no fast caches.
            if (tc == null || last == null || ArenaWatch.watching()) {
                freeWatched(segment);
                return;
            }
            if (!tc.free(last, segment)) {
                freeChecked(segment, tc);
            }
        } catch (IllegalStateException e) {
            throw closedDuring(e);
        }
    }

    /** Frees with use-after-free detection, a watching test tool, site tracking or no caches. */
    private void freeWatched(MemorySegment segment) {
        ArenaWatch.Listener l = ArenaWatch.listener();
        if (guard != null) {
            ensureOpen();
            MemorySegment view = segment;
            segment = guard.unwrap(view);
            if (l != null) {
                l.freeing(this, view);
            }
        } else if (l != null) {
            l.freeing(this, segment);
        }
        freeTracked(segment);
    }

    /**
     * Frees through the caches when there are any, forgetting the block's site first when sites
     * are tracked: before the block can be handed out again, and put back when the free is refused.
     */
    private void freeTracked(MemorySegment segment) {
        ThreadCache tc = caches == null ? null : caches.current();
        LiveBlock site = sites == null ? null : sites.remove(segment.address());
        try {
            if (tc == null || !tc.free(segment)) {
                freeChecked(segment, tc);
            }
        } catch (RuntimeException e) {
            if (site != null) {
                Objects.requireNonNull(sites).restore(site);
            }
            throw e;
        }
    }

    /**
     * Every free the owner's magazine did not take: other owners, locked paths, bad input. A slab
     * block's span comes from the span map, two loads after the address; anything it does not
     * vouch for takes the SuperSlab map, which names every kind of bad free.
     */
    private void freeChecked(MemorySegment segment, @Nullable ThreadCache tc) {
        long address = segment.address();
        Span span = SlabHeap.spanAt(address);
        if (span == null || !span.owns(heap, segment)) {
            // Large blocks, addresses past 48 bits and bad input; freeSlow sorts them out.
            SuperSlab ss = heap.lookup(address);
            if (ss == null || !segment.isNative() || !ss.owns(segment) || (span = ss.spanOf(address)) == null) {
                freeSlow(segment, ss);
                return;
            }
        }
        int index = span.blockIndex(address);
        long byteSize = segment.byteSize();
        if (index < 0 || byteSize > span.blockSize()) {
            throw BadFrees.inSuperSlab(segment, span.superSlab());
        }
        if (tc == null) {
            // Rechecked under the lock: the span map is read without it.
            uncached.free(span.superSlab(), span, index, address, byteSize);
        } else {
            freeCached(tc, span, index, segment, byteSize);
        }
    }

    /** Large blocks, and every kind of bad free with its own message. */
    private void freeSlow(MemorySegment segment, @Nullable SuperSlab ss) {
        if (ss == null || !segment.isNative() || !ss.owns(segment)) {
            uncached.freeLarge(segment, segment.isNative() ? ss : null);
            return;
        }
        throw BadFrees.inSuperSlab(segment, ss);
    }

    /** A checked slab block: to its owner's remote queue, or into this thread's magazine. */
    private void freeCached(ThreadCache tc, Span span, int index, MemorySegment segment, long byteSize) {
        if (span.owner() != tc) {
            heap.pushRemote(span, index);
            tc.countRemoteFree(byteSize, span.blockSize());
            return;
        }
        if (span.state(index) != Span.LIVE) {
            throw BadFrees.notLive(segment.address(), span.state(index));
        }
        tc.push(span, index, segment, byteSize);
    }

    /**
     * Reads the counters.
     *
     * @return a snapshot; exact once the threads that used the arena are joined
     */
    public HakmemStats stats() {
        OpTotals cached = caches == null ? OpTotals.NONE : caches.totals();
        long magazineBlocks = caches == null ? 0 : caches.cachedBlocks();
        heap.lock();
        try {
            var counters = heap.counters();
            Live live = live(cached);
            return new HakmemStats(
                    live.blocks(),
                    live.bytes(),
                    counters.superSlabsLive(),
                    counters.superSlabsMappedTotal(),
                    counters.superSlabsReleasedTotal(),
                    counters.blockFreesToSpans(),
                    counters.emptySuperSlabsDetected(),
                    counters.allocFailures(),
                    magazineBlocks,
                    heap.mappedBytes(),
                    closed ? 0 : heap.residentBytes(),
                    heap.large().count(),
                    counters.slabsPurged(),
                    live.racedDoubleFrees());
        } finally {
            heap.unlock();
        }
    }

    /** Blocks in users' hands and their requested bytes, with the raced double frees behind them. */
    private record Live(long blocks, long bytes, long racedDoubleFrees) {}

    /** Reads {@link Live} from the uncached counters and the caches' {@code totals()}. Locked. */
    private Live live(OpTotals cached) {
        OpTotals all = uncached.totals().plus(cached);
        SlabHeap.RacedDoubleFrees raced = heap.racedDoubleFrees(cached.remoteFrees(), cached.remoteFreeBlockBytes());
        // Both calls of a raced double free counted as frees; one of them freed nothing.
        return new Live(all.liveBlocks() + raced.count(), all.liveBytes() + raced.bytes(), raced.count());
    }

    /**
     * Reads the arena per size class: one record for each class that holds a span now or handed
     * out a block since the arena was created, smallest block size first. Blocks larger than
     * 256 KiB, each in a mapping of its own, are counted by {@link HakmemStats#largeMappings()}.
     *
     * <p>The counts come from walking the spans under the arena's lock, plus one {@code mincore}
     * per span for resident bytes; allocate and free count nothing per class, so the cost is paid
     * here, in proportion to the memory the arena holds.
     *
     * <pre>{@code
     * try (HakmemArena arena = HakmemArena.create()) {
     *     for (int i = 0; i < 100; i++) {
     *         arena.allocate(16);
     *     }
     *     SizeClassStats sixteen = arena.classStats().get(0);
     *     assert sixteen.blockSize() == 16 && sixteen.liveBlocks() == 100;
     * }
     * }</pre>
     *
     * @return the classes in use; empty once {@link #close()} has unmapped everything
     */
    public List<SizeClassStats> classStats() {
        long[] cachedFrees = caches == null ? new long[SizeClasses.count()] : caches.cachedFreesByClass();
        List<SizeClassStats> out = new ArrayList<>();
        heap.lock();
        try {
            if (unmapped) {
                return out;
            }
            ClassCensus census = ClassCensus.take(heap, !closed);
            for (int sizeClass = 0; sizeClass < SizeClasses.count(); sizeClass++) {
                long frees =
                        census.uncachedFrees(sizeClass) + (sizeClass < cachedFrees.length ? cachedFrees[sizeClass] : 0);
                // Every block handed out is live now or was freed since: no allocate counts per class.
                long allocations = frees + census.live(sizeClass);
                if (census.spans(sizeClass) > 0 || allocations > 0) {
                    out.add(new SizeClassStats(
                            SizeClasses.size(sizeClass),
                            census.live(sizeClass),
                            census.cached(sizeClass),
                            census.free(sizeClass),
                            census.spans(sizeClass),
                            census.resident(sizeClass),
                            allocations,
                            frees));
                }
            }
        } finally {
            heap.unlock();
        }
        return out;
    }

    /**
     * {@return the name of this arena: {@link HakmemConfig#name()} when set, else the creation
     * site ({@code Class.method:line}), or {@code arena-N} when no caller frame was found}
     */
    public String name() {
        return name;
    }

    /**
     * Gives back every SuperSlab that holds no live block, from any thread: thread caches are
     * revoked first, those of idle and dead threads included, then remote frees are collected,
     * empty slabs purged and empty SuperSlabs unmapped.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void trim() {
        if (closed) {
            throw closedException();
        }
        ArenaListener.Trim event = listener.trimStarted();
        long revoked = caches != null ? caches.revokeAll() : 0;
        long returned;
        heap.lock();
        try {
            ensureOpen();
            returned = heap.trim();
        } finally {
            heap.unlock();
        }
        event.finished(returned, revoked, false);
    }

    /** For tests: revokes every thread cache, busy owners' included, racing them on purpose. */
    long revokeEveryCache() {
        return caches == null ? 0 : caches.revokeEvery();
    }

    /** For the background trimmer: revoke idle caches, and trim when the whole arena was idle. */
    private boolean trimIdle() {
        if (closed) {
            return false;
        }
        if (caches != null) {
            caches.revokeIdle();
        }
        OpTotals cached = caches == null ? OpTotals.NONE : caches.totals();
        heap.lock();
        try {
            if (closed) {
                return false;
            }
            heap.maintain();
            long ops = uncached.totals().plus(cached).operations();
            if (ops == opsAtLastTrimVisit) {
                ArenaListener.Trim event = listener.trimStarted();
                event.finished(heap.trim(), 0, true);
            }
            opsAtLastTrimVisit = ops;
            return true;
        } finally {
            heap.unlock();
        }
    }

    /**
     * Lists blocks still in users' hands: with allocation-site tracking, the requested size and
     * the allocating stack of each, oldest first; without it, the size class, in address order.
     *
     * <pre>{@code
     * arena.liveBlocks(20).forEach(System.err::println);
     * }</pre>
     *
     * @param max the most blocks to list, 0 or more
     * @return at most {@code max} live blocks
     */
    public List<LiveBlock> liveBlocks(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, was " + max);
        }
        List<LiveBlock> out = new ArrayList<>();
        heap.lock();
        try {
            if (sites != null) {
                return sites.first(max);
            }
            SlabHeap.BlockVisitor visitor = (address, size) -> {
                if (out.size() >= max) {
                    return false;
                }
                out.add(new LiveBlock(address, size, List.of(), ""));
                return true;
            };
            heap.forEachBlock(Span.LIVE, s -> {}, visitor);
            heap.forEachLarge(visitor);
        } finally {
            heap.unlock();
        }
        return out;
    }

    /**
     * Lists the address ranges this arena maps from the OS right now, so that tools can ask the OS
     * whether they are really gone after {@link #close()} (the JUnit extension reads
     * {@code /proc/self/maps}).
     *
     * <pre>{@code
     * List<MappedRange> before = arena.mappedRanges();
     * arena.close();
     * // none of `before` may still appear in /proc/self/maps
     * }</pre>
     *
     * @return SuperSlabs (in use or cached) and dedicated large mappings; empty once {@link #close()}
     *     has unmapped them
     */
    public List<MappedRange> mappedRanges() {
        List<MappedRange> out = new ArrayList<>();
        heap.lock();
        try {
            // Not gated on `closed`: close() unmaps under this lock, so a range is listed until it is gone.
            heap.forEachMapping((address, bytes) -> out.add(new MappedRange(address, bytes)));
        } finally {
            heap.unlock();
        }
        return out;
    }

    /** {@return names of live threads whose caches hold blocks of this arena, with counts} */
    public List<String> threadsHoldingCachedBlocks() {
        return caches == null ? List.of() : caches.threadsHoldingBlocks();
    }

    /** {@return the settings this arena was created with} */
    public HakmemConfig config() {
        return config;
    }

    /** {@return whether this is {@link #global()}, the arena that is never closed} */
    public boolean isGlobal() {
        return global;
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The arena's lifetime: alive until {@link #close()}.
     *
     * <p>Segments do not carry this scope. Each segment's scope is the scope of the SuperSlab (or
     * dedicated mapping) it was cut from, which ends when that memory is unmapped: when the
     * SuperSlab became empty and was released, or at the latest when this arena is closed. So
     * {@code segment.scope().isAlive()} is false after {@code close()} for every segment, and any
     * access through a stale segment throws {@link IllegalStateException} instead of touching
     * unmapped memory.
     */
    @Override
    public MemorySegment.Scope scope() {
        return lifetime.scope();
    }

    /**
     * Unmaps all memory, live blocks included; every segment of this arena becomes inaccessible.
     *
     * @throws IllegalStateException when already closed
     */
    @Override
    public void close() {
        if (global) {
            throw new UnsupportedOperationException("HakmemArena.global() cannot be closed, as Arena.global() cannot:"
                    + " free its blocks one by one instead");
        }
        // Counted as the arena closes: afterwards nothing is live any more. Not stats(), whose
        // residency scan costs a mincore per SuperSlab and says nothing about live blocks.
        OpTotals cached = caches == null ? OpTotals.NONE : caches.totals();
        long liveBlocks;
        long liveBytes;
        heap.lock();
        try {
            if (closed) {
                throw closedException();
            }
            closed = true;
            Live live = live(cached);
            liveBlocks = live.blocks();
            liveBytes = live.bytes();
        } finally {
            heap.unlock();
        }
        List<LiveBlock> sites = liveBlocks > 0 && this.sites != null ? this.sites.first(Integer.MAX_VALUE) : List.of();
        if (caches != null) {
            caches.abandonAll();
        }
        // Still mapped: the exit table's totals of closed arenas read the spans one last time.
        ArenaMonitoring.closing(this);
        if (guard != null) {
            guard.closeAll();
        }
        heap.lock();
        try {
            heap.closeAll();
            unmapped = true;
        } finally {
            heap.unlock();
        }
        io.hakmem.os.SharedScopes.close(lifetime);
        ArenaWatch.closed(this, registration);
        if (liveBlocks > 0) {
            LiveAtClose.report(
                    registration.origin().where(), liveBlocks, liveBytes, sites, config.failOnCloseWithLiveBlocks());
        }
    }

    /** Throws when closed; the uncached paths call it under the heap lock. */
    void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private static IllegalStateException closedException() {
        return new ArenaClosedException("this HakmemArena is closed", null);
    }

    @Override
    public String toString() {
        return "HakmemArena[" + name + ", " + (closed ? "closed" : "open") + ", " + config + "]";
    }
}
