package io.hakmem.cache;

import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.DrainReason;
import io.hakmem.slab.SlabHeap;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The thread caches of one arena.
 *
 * <p>Only platform threads get a cache. Virtual threads use the locked path, so the memory held
 * in caches is bounded by the number of platform threads (carriers included) times the
 * magazine bound, never by the number of virtual threads: the issue Netty's per-thread caches
 * have with virtual threads does not arise.
 */
@NullMarked
public final class ThreadCaches {

    private final SlabHeap heap;
    private final ArenaListener listener;
    private final int magazineCapacity;
    private final int drainInterval;
    private final ThreadLocal<@Nullable ThreadCache> local = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<ThreadCache> all = new ConcurrentLinkedQueue<>();
    /**
     * Racy hints that save the ThreadLocal lookup: slot {@code threadId % 64} holds the cache of
     * the thread that last missed there. Threads with different slots never write each other's
     * slot, so alternating threads do not bounce one field between cores.
     */
    private final @Nullable ThreadCache[] hints = new ThreadCache[HINT_SLOTS];

    private static final int HINT_SLOTS = 64;
    /** How many caches the owner keeps in front of the hint slots (see {@link FrontCacheSink}). */
    public static final int FRONT_PLACES = 2;

    /**
     * The caches that claimed the front places, written under the monitor. The shortcut to them is
     * the owner's copy (see {@link FrontCacheSink}), so lookups here only go through the hint slots.
     */
    private final @Nullable ThreadCache[] front = new ThreadCache[FRONT_PLACES];

    private final FrontCacheSink frontSink;
    /** What the caches of dead threads counted. */
    private final OpCounters retired = new OpCounters();

    private final long[] retiredCachedFrees = new long[io.hakmem.slab.SizeClasses.count()];

    /**
     * @param heap the arena's heap
     * @param magazineCapacity blocks per class, at least 1
     * @param drainInterval frees per class between periodic drains
     * @param listener told of revocations
     * @param frontSink told when a front place is claimed and when its cache retires
     */
    public ThreadCaches(
            SlabHeap heap, int magazineCapacity, int drainInterval, ArenaListener listener, FrontCacheSink frontSink) {
        this.heap = heap;
        this.listener = listener;
        this.frontSink = frontSink;
        this.magazineCapacity = magazineCapacity;
        this.drainInterval = drainInterval;
    }

    /** {@return the calling thread's cache, or null for a virtual thread} */
    public @Nullable ThreadCache current() {
        Thread t = Thread.currentThread();
        ThreadCache c = hinted(hints, t);
        return c != null ? c : lookup(t);
    }

    /**
     * {@return the hint slots themselves, for an owner that keeps them one load closer to its fast
     * paths than this object; it only reads them, through {@link #hinted}}
     */
    public @Nullable ThreadCache[] hintSlots() {
        return hints;
    }

    /** {@return {@code t}'s cache when its hint slot holds it, else null; {@link #current} knows} */
    public static @Nullable ThreadCache hinted(@Nullable ThreadCache[] slots, Thread t) {
        ThreadCache c = slots[(int) t.threadId() & (HINT_SLOTS - 1)];
        return c != null && c.thread == t ? c : null;
    }

    private @Nullable ThreadCache lookup(Thread t) {
        if (t.isVirtual()) {
            return null;
        }
        ThreadCache c = local.get();
        if (c == null) {
            reapDeadThreads();
            c = new ThreadCache(t, heap, magazineCapacity, drainInterval);
            local.set(c);
            all.add(c);
        }
        hints[(int) t.threadId() & (HINT_SLOTS - 1)] = c;
        if (frontVacant()) {
            claimFront(c);
        }
        return c;
    }

    /** {@return whether a front place looks vacant; read racily, {@link #claimFront} decides} */
    private boolean frontVacant() {
        for (ThreadCache c : front) {
            if (c == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives {@code c} the first vacant front place, unless it holds one already. Under the monitor,
     * like {@link #retire}: the sink's copy of cache and thread must never mix two threads' writes.
     */
    private synchronized void claimFront(ThreadCache c) {
        int vacant = -1;
        for (int place = FRONT_PLACES - 1; place >= 0; place--) {
            if (front[place] == c) {
                return;
            }
            if (front[place] == null) {
                vacant = place;
            }
        }
        if (vacant >= 0) {
            front[vacant] = c;
            frontSink.frontCacheChanged(vacant, c);
        }
    }

    /**
     * Where the owner keeps its own copy of the front caches, one load closer to its fast paths
     * than the hint slots. Called under this object's monitor; the copy must write the cache before
     * its thread and clear the thread before the cache, so that a thread finding itself finds its
     * own cache.
     */
    @FunctionalInterface
    public interface FrontCacheSink {
        /**
         * Takes the new cache of a front place, or null when its thread died.
         *
         * @param place 0 to {@link #FRONT_PLACES} - 1, in the order threads arrived
         */
        void frontCacheChanged(int place, @Nullable ThreadCache cache);
    }

    /**
     * Gives back the caches of threads that died: no finalizer, no cleaner; a dead thread is seen
     * the next time a thread joins, or at trim.
     */
    private synchronized long reapDeadThreads() {
        long given = 0;
        for (Iterator<ThreadCache> it = all.iterator(); it.hasNext(); ) {
            ThreadCache c = it.next();
            if (!c.thread.isAlive()) {
                given += revoke(c, DrainReason.DEAD_THREAD);
                retire(c);
                it.remove();
            }
        }
        return given;
    }

    private synchronized void retire(ThreadCache c) {
        retired.add(c.totals());
        c.addCachedFrees(retiredCachedFrees);
        int slot = (int) c.thread.threadId() & (HINT_SLOTS - 1);
        if (hints[slot] == c) {
            hints[slot] = null;
        }
        for (int place = 0; place < FRONT_PLACES; place++) {
            if (front[place] == c) {
                front[place] = null;
                frontSink.frontCacheChanged(place, null);
            }
        }
    }

    /**
     * Empties every cache that can be emptied without touching a running owner: the caller's
     * own (flushed in place), dead threads', and those of threads that are parked, blocked or
     * idle since the previous visit (revoked). A thread using its cache right now is only asked
     * to flush itself at its next slow path: revoking it would close its view under its feet,
     * and the JDK's close handshake then sets that thread's interrupt status.
     *
     * @return blocks given back to the heap
     */
    public long revokeAll() {
        long given = reapDeadThreads();
        Thread me = Thread.currentThread();
        java.util.List<ThreadCache> busy = new java.util.ArrayList<>();
        for (ThreadCache c : all) {
            boolean idle = c.idleSinceLastVisit();
            if (c.thread == me) {
                given += c.flushAll();
            } else if (idle || c.thread.getState() != Thread.State.RUNNABLE) {
                given += revoke(c, DrainReason.TRIM);
            } else {
                busy.add(c);
            }
        }
        if (!busy.isEmpty()) {
            // A thread that just finished its work is still runnable for a moment before it parks:
            // look again after a millisecond, long enough for a thread really using its cache to
            // have moved its operation count.
            LockSupport.parkNanos(BUSY_RECHECK_NANOS);
            for (ThreadCache c : busy) {
                if (c.idleSinceLastVisit() || c.thread.getState() != Thread.State.RUNNABLE) {
                    given += revoke(c, DrainReason.TRIM);
                } else {
                    c.requestFlush();
                }
            }
        }
        return given;
    }

    private static final long BUSY_RECHECK_NANOS = 1_000_000;

    /**
     * Revokes every cache, busy ones included, the way {@link #abandonAll} cuts them at close but
     * giving their blocks back: exercises the owner/revoker race the protocol must survive.
     *
     * @return blocks given back
     */
    public long revokeEvery() {
        long given = reapDeadThreads();
        for (ThreadCache c : all) {
            given += revoke(c, DrainReason.TRIM);
        }
        return given;
    }

    /**
     * Revokes the caches that saw no operation since the previous call and still hold blocks.
     *
     * @return blocks given back
     */
    public long revokeIdle() {
        reapDeadThreads();
        long given = 0;
        for (ThreadCache c : all) {
            if (c.idleSinceLastVisit() && c.cachedBlocks() > 0) {
                given += revoke(c, DrainReason.IDLE);
            }
        }
        return given;
    }

    /** Revokes one cache and tells the listener. */
    private long revoke(ThreadCache c, DrainReason reason) {
        ArenaListener.Drain drain = listener.drainStarted();
        long given = c.revoke();
        drain.finished(c.thread, given, reason);
        return given;
    }

    /** Invalidates every cache without giving blocks back; the heap is about to be unmapped. */
    public void abandonAll() {
        for (ThreadCache c : all) {
            c.abandon();
        }
    }

    /** {@return blocks cached now, read racily} */
    public long cachedBlocks() {
        long total = 0;
        for (ThreadCache c : all) {
            total += c.cachedBlocks();
        }
        return total;
    }

    /** {@return what every cache counted, dead threads' included} */
    public synchronized OpTotals totals() {
        OpTotals t = retired.totals();
        for (ThreadCache c : all) {
            t = t.plus(c.totals());
        }
        return t;
    }

    /** {@return per cached class, the frees that stopped in a thread cache, dead threads' included} */
    public synchronized long[] cachedFreesByClass() {
        long[] totals = retiredCachedFrees.clone();
        for (ThreadCache c : all) {
            c.addCachedFrees(totals);
        }
        return totals;
    }

    /** {@return names of live threads whose caches hold blocks, for diagnostics} */
    public java.util.List<String> threadsHoldingBlocks() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (ThreadCache c : all) {
            long n = c.cachedBlocks();
            if (n > 0) {
                names.add(c.thread.getName() + " (" + n + " blocks)");
            }
        }
        return names;
    }
}
