package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.Span;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One size class's cached blocks in one thread cache: a LIFO stack of slots, and the bookkeeping
 * of its drains.
 *
 * <p>Slot {@code i} is element {@code i} of three parallel arrays: the segment the block is handed
 * out as (null: cut one when it is), its span, and its index there, times 2, plus 1 when it may
 * hold old bytes (never-used blocks do not). Parallel arrays, not one object per slot: the fast
 * paths then reach a slot's segment one load after the count, not two.
 *
 * <p>Invariant: slots {@code 0 .. count - 1} hold cached blocks, oldest first, and every write
 * keeps a slot's three elements together. The slot at {@code count} still describes the block
 * it last handed out, which lets the owner's free recognise that block without a lookup. Slot
 * {@code capacity} exists and always holds a null segment: a free finding it knows the magazine
 * is full without reading the capacity.
 */
@NullMarked
public final class Magazine extends MagazinePadding {

    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(Magazine.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int sizeClass;
    final int capacity;
    /** The size of this class's blocks. */
    final int blockSize;
    /**
     * Only a segment worth handing out again is kept: one of the whole block, the size a
     * class-sized request gets. Keeping any other size would rarely match the next request, and
     * storing it would cost the GC's card-marking barrier (a fence) on every free, since the
     * segment is young and this array old. {@code Object[]}, not {@code MemorySegment[]}: a
     * store into an array of an interface type pays a subtype check.
     */
    final @Nullable Object[] segments;

    final @Nullable Span[] spans;
    final int[] indexes;
    /**
     * The count of cached blocks in the low 32 bits, in the high 32 the frees since the last drain
     * minus the drain interval: one word, so that the free fast path's drain check reads nothing
     * its count update does not read anyway (a separate counter cost 0.6 ns per pair), and is the
     * word's sign: it turns non-negative on the free that completes the interval. Written by the
     * owner with release, after the slots the count covers; read by revokers with acquire (see
     * {@link ThreadCache}).
     */
    private long word;

    /** What a cached free adds to {@link #word}: one block, one free. */
    static final long CACHED_FREE = (1L << 32) + 1;

    /** Frees between two drains, at least 1. */
    private final int drainInterval;

    private static final long COUNT_BITS = 0xFFFF_FFFFL;
    /** The owner's lowest count since the last drain: blocks below it sat idle all interval. */
    int lowWater;

    /** Frees counted in {@link #word} before each drain reset them, for statistics. */
    long freesBeforeDrains;
    /*
     * Statistics, kept off the fast paths: a pop (a block handed out from the magazine) is known
     * from what went in and out and what is left, and a block's requested bytes are its class
     * size unless the request was smaller, which only the paths that cut or check a segment see.
     * Written by the owner, or by a revoker under the cache's monitor; read racily.
     */
    /** Blocks refills put into slots. */
    long takenIn;
    /** Blocks given back from slots to their spans. */
    long givenOut;
    /**
     * Blocks other threads freed that the owner collected from its inbox into this magazine:
     * users' frees of this class that no free path counted per class (see {@link ThreadCache#addCachedFrees}).
     */
    long remoteCollected;
    /** Bytes by which requests handed out fell short of the block size. */
    long allocShortfall;
    /** Bytes by which segments freed into the magazine fell short of the block size. */
    long freeShortfall;
    /** A refill takes {@code capacity >> fillShift} blocks (see {@link ThreadCache#refill}). */
    byte fillShift = INITIAL_FILL_SHIFT;
    /** Refills since the last drain: more than one means the fill was too small. */
    int refillsSinceDrain;
    /**
     * The count the last revocation read and gave back, written under the cache's monitor:
     * blocks at or above it are still the owner's.
     */
    int revokedCount;

    static final byte INITIAL_FILL_SHIFT = 2;
    private static final byte MAX_FILL_SHIFT = 30;

    Magazine(int sizeClass, int magazineCapacity, int drainInterval) {
        this.sizeClass = sizeClass;
        this.drainInterval = drainInterval;
        this.capacity = Math.max(1, Math.min(magazineCapacity, boundBytes(sizeClass) / SizeClasses.size(sizeClass)));
        this.blockSize = SizeClasses.size(sizeClass);
        this.segments = new Object[capacity + 1];
        this.spans = new Span[capacity + 1];
        this.indexes = new int[capacity + 1];
        this.word = intervalStart(0);
    }

    /**
     * The bytes one magazine may pin, as Netty bounds its caches: 128 blocks of every class, but
     * at least 32 KiB for a tiny class and 256 KiB above, so that a batch of 100 buffers of any
     * size stays in the cache instead of taking the heap lock for most blocks (pairs at batch 100:
     * 16 KiB 300 ns with 16 blocks, 170 ns with 128; 256 KiB without zeroing 60-66 ns with 32
     * blocks, 10.6 ns with 128), as rpmalloc's per-thread cache keeps whole large spans. At most
     * 32 MiB for the 256 KiB class, 208 MiB for a thread that filled every class. A thread pins only
     * what it really used: drains return what sits idle through an interval, trim() the rest, and
     * an allocation that would cross {@code maxMappedBytes} revokes every cache first.
     */
    static int boundBytes(int sizeClass) {
        int size = SizeClasses.size(sizeClass);
        return Math.max(size <= SizeClasses.MAX_TINY ? 32 << 10 : 256 << 10, 128 * size);
    }

    /** {@return the count and frees word, plainly read: for the owner alone} */
    long word() {
        return word;
    }

    /** {@return the count, plainly read: for the owner alone} */
    int count() {
        return (int) word;
    }

    /** {@return the frees since the last drain in {@code word}} */
    private int freesSinceDrain(long word) {
        return (int) (word >> 32) + drainInterval;
    }

    /** {@return whether {@code word} completed a drain interval} */
    static boolean drainDue(long word) {
        return word >= 0;
    }

    /** {@return the word of a new drain interval with {@code count} cached blocks} */
    private long intervalStart(int count) {
        return (long) -drainInterval << 32 | count & COUNT_BITS;
    }

    /** {@return the size class whose blocks this magazine caches} */
    public int sizeClass() {
        return sizeClass;
    }

    /** Publishes a new word, after the slots its count covers. */
    void publish(long newWord) {
        WORD.setRelease(this, newWord);
    }

    /** Publishes a new count, keeping the frees since the last drain. */
    void publishCount(int n) {
        publish(word & ~COUNT_BITS | n & COUNT_BITS);
    }

    /** {@return the count as the owner last published it; for revokers and statistics} */
    int published() {
        return (int) (long) WORD.getAcquire(this);
    }

    /** Starts a new drain interval: the frees since the last one move to {@link #freesBeforeDrains}. */
    void restartDrainInterval() {
        long w = word;
        freesBeforeDrains += freesSinceDrain(w);
        publish(intervalStart((int) w));
    }

    /** {@return the span of cached slot {@code i}} */
    Span span(int i) {
        Span span = spans[i];
        if (span == null) {
            throw new IllegalStateException(
                    "hakmem internal error: magazine slot " + i + " of class " + sizeClass + " is empty");
        }
        return span;
    }

    /** {@return the block index of slot {@code i}} */
    int index(int i) {
        return indexes[i] >>> 1;
    }

    /** Fills slot {@code i}. */
    void set(int i, @Nullable Object segment, Span span, int indexAndDirty) {
        segments[i] = segment;
        spans[i] = span;
        indexes[i] = indexAndDirty;
    }

    /** Moves {@code length} slots from {@code from} to {@code to}. */
    void move(int from, int to, int length) {
        System.arraycopy(segments, from, segments, to, length);
        System.arraycopy(spans, from, spans, to, length);
        System.arraycopy(indexes, from, indexes, to, length);
    }

    /** Empties slots {@code from .. to - 1}. */
    void clear(int from, int to) {
        java.util.Arrays.fill(segments, from, to, null);
        java.util.Arrays.fill(spans, from, to, null);
    }

    /**
     * Fills less after an interval that left {@code idle} blocks unused, more after one that ran
     * dry twice; a single refill may only follow the drain's own flush, which says nothing of demand.
     */
    void adaptFill(int idle) {
        if (idle > 0) {
            fillShift = (byte) Math.min(MAX_FILL_SHIFT, fillShift + 1);
        } else if (refillsSinceDrain > 1 && fillShift > 1) {
            fillShift--;
        }
        refillsSinceDrain = 0;
    }

    /** {@return frees this magazine kept, read racily} */
    long cachedFrees() {
        return freesBeforeDrains + freesSinceDrain((long) WORD.getAcquire(this));
    }

    /**
     * {@return what this magazine handed out and took back, read racily} {@code held} blocks are
     * cached in it now (see {@link ThreadCache#totals}).
     */
    OpTotals totals(int held) {
        long frees = cachedFrees();
        long pops = takenIn + frees - givenOut - held;
        return new OpTotals(pops, pops * blockSize - allocShortfall, frees, frees * blockSize - freeShortfall, 0, 0);
    }

    /** Forgets every block after a revocation. */
    void reset() {
        freesBeforeDrains += freesSinceDrain(word);
        publish(intervalStart(0));
        lowWater = 0;
        clear(0, segments.length);
    }
}

/**
 * A cache line in front of {@link Magazine}'s fields, whose first is the count word the owner
 * writes on every operation: after the GC packs objects together, whatever precedes a magazine
 * in memory may be another thread's, and a shared line measured 20-27 ns per operation of a
 * two-thread loop against 18. Superclass fields come first in HotSpot's layout; the magazine's
 * own colder fields follow the word.
 */
@SuppressWarnings("unused") // padding only
abstract class MagazinePadding {
    private long p1;
    private long p2;
    private long p3;
    private long p4;
    private long p5;
    private long p6;
    private long p7;
    private long p8;
}
