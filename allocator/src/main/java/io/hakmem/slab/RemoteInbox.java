package io.hakmem.slab;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The spans of one owner that other threads freed into, waiting for that owner: mimalloc's
 * thread-free list, one level up. A remote free that queues a span pushes it here with one
 * compare-and-set; the owner takes every waiting span with one atomic exchange and collects
 * their blocks into its own cache, without the heap lock (see {@link #collect}).
 *
 * <p>An owner that lets go of its spans (a revocation, its thread's death, the arena's close)
 * closes its inbox: pushes then fail and the freer queues the span on the heap instead, where
 * {@link SlabHeap#collectRemote} finds it; what waited in the inbox moves there too. So no remote
 * free waits for an owner that will not come back for it. One case waits longer: a span queued
 * here again by a free its owner's collection already took, which then empties and is claimed by
 * another cache, stays in this inbox, and the new owner's frees into it with it, until this
 * owner's next collection or close moves it to the heap's queue.
 *
 * <p>Intrusive: a span's link is its own field, written before the push publishes the span and
 * read after the exchange took it, so each queued span sits in one list at a time (its
 * {@code queued} flag, set by the free that queued it, says so). {@link #collect}, {@link #close}
 * and {@link #reopen} run under the owner's monitor; pushes come from any thread.
 */
@NullMarked
public final class RemoteInbox {

    private static final VarHandle HEAD;
    /** The head of a closed inbox: never a span. */
    private static final Object CLOSED = new Object();

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(RemoteInbox.class, "head", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Null when empty, {@link #CLOSED}, or the last span pushed. */
    @SuppressWarnings("unused") // through HEAD
    private volatile @Nullable Object head;

    /** What the owner does with each remotely freed block it collects. */
    @FunctionalInterface
    public interface BlockSink {
        /** Takes block {@code index} of {@code span}, still REMOTE, and moves it on. */
        void take(Span span, int index);
    }

    /**
     * Pushes a span whose first pending remote free just queued it; any thread, lock-free.
     *
     * @return false when the inbox is closed: the caller queues the span on the heap
     */
    boolean offer(Span span) {
        for (; ; ) {
            Object h = head;
            if (h == CLOSED) {
                return false;
            }
            span.nextInInbox = (Span) h;
            if (HEAD.compareAndSet(this, h, span)) {
                return true;
            }
        }
    }

    /**
     * The owner's collection: takes every waiting span with one exchange, then hands the remotely
     * freed blocks of the spans it still owns to {@code sink}.
     * A span it no longer owns (its freer read a stale owner) goes to the heap's queue untouched.
     * Under the owner's monitor, so its generation cannot change meanwhile.
     *
     * <p>Why no lock is needed: a span is claimed by another cache only while no block of it is
     * outside it, or once its owner died or let go. Bits in hand are REMOTE blocks outside the
     * span, and the owner is alive and holds its monitor; so if the span is still the owner's
     * after its bits were taken, it stays the owner's until those blocks come back, and nobody
     * else writes their state bytes. Bits taken from a span that turned out to be another's are
     * put back, and the span queued again.
     *
     * @param owner the collecting owner, whose inbox this is
     * @param heap its heap, for spans that must wait there and for raced double frees
     * @param sink where each collected block goes
     * @return blocks handed to {@code sink}
     */
    public int collect(SpanOwner owner, SlabHeap heap, BlockSink sink) {
        Object h = head;
        if (h == null || h == CLOSED) {
            return 0;
        }
        int collected = 0;
        Span span = (Span) HEAD.getAndSet(this, null);
        while (span != null) {
            Span next = span.nextInInbox;
            span.nextInInbox = null;
            if (span.ownedBy(owner)) {
                collected += collectOwned(span, owner, heap, sink);
            } else {
                heap.queueRemote(span);
            }
            span = next;
        }
        return collected;
    }

    private static int collectOwned(Span span, SpanOwner owner, SlabHeap heap, BlockSink sink) {
        // Unqueued first: a free after this point queues the span again, so no bit is stranded.
        span.unqueue();
        int collected = 0;
        boolean misrouted = false;
        for (int w = 0; w < span.remoteWords(); w++) {
            long bits = span.takeRemoteWord(w);
            if (bits == 0) {
                continue;
            }
            if (!span.ownedBy(owner)) {
                span.returnRemoteBits(w, bits);
                misrouted = true;
                continue;
            }
            collected += heap.takeRemoteBlocks(span, w, bits, sink);
        }
        if (misrouted && span.markQueued()) {
            heap.queueRemote(span);
        }
        return collected;
    }

    /**
     * Closes the inbox for an owner letting go of its spans; the spans that waited go to the
     * heap's queue, still queued. Under the owner's monitor.
     *
     * @param heap the owner's heap
     */
    public void close(SlabHeap heap) {
        Object h = HEAD.getAndSet(this, CLOSED);
        for (Span span = h == CLOSED ? null : (Span) h; span != null; ) {
            Span next = span.nextInInbox;
            span.nextInInbox = null;
            heap.queueRemote(span);
            span = next;
        }
    }

    /** Opens a closed inbox again, for an owner that starts over after a revocation. Under its monitor. */
    public void reopen() {
        HEAD.compareAndSet(this, CLOSED, null);
    }
}
