package io.hakmem.slab;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A run of slabs serving one size class.
 *
 * <p>Blocks move through states kept one byte per block in {@link #state}: {@link #FREE} inside
 * the span (never used, or on the intrusive free list), {@link #LIVE} in a user's hands,
 * {@link #CACHED} in a thread's magazine, {@link #REMOTE} on the remote-free queue. Each byte is
 * written by one party at a time: the heap lock for FREE blocks, the holding thread for LIVE and
 * CACHED ones, and a compare-and-set for the LIVE to REMOTE step, so a double free is always seen.
 *
 * <p>{@link #used} counts blocks outside the span (LIVE, CACHED or REMOTE); it only changes under
 * the heap lock, so it cannot underflow on a batch.
 */
@NullMarked
public final class Span {

    /** Block state: inside the span. */
    public static final byte FREE = 0;
    /** Block state: in a user's hands. */
    public static final byte LIVE = 1;
    /** Block state: parked in a thread cache. */
    public static final byte CACHED = 2;
    /** Block state: freed by another thread, waiting on the remote queue. */
    public static final byte REMOTE = 3;
    /** Set in an address returned by {@link #pop()} when the block must be cleared. */
    private static final long DIRTY_BIT = 1;
    /** Set in an address returned by {@link #pop()} when the block came off the free list. */
    private static final long RECYCLED_BIT = 2;
    /** The tag bits of a tagged address. */
    private static final long TAG_BITS = 7;

    /** {@return the block address of a tagged address} */
    public static long address(long tagged) {
        return tagged & ~TAG_BITS;
    }

    /** {@return whether a tagged block may hold old bytes} */
    public static boolean isDirty(long tagged) {
        return (tagged & DIRTY_BIT) != 0;
    }

    /** {@return whether a tagged block came off a free list, used before} */
    public static boolean isRecycled(long tagged) {
        return (tagged & RECYCLED_BIT) != 0;
    }

    /**
     * The one place that decides whether a block handed to a user is cleared: when zeroing is on
     * and the block may hold old bytes. Only the requested bytes: a later, larger request of the
     * class clears its own. {@code byteSize} is the segment's size, passed by callers that know it
     * so that a constant size folds (see {@link io.hakmem.os.Zeroing#clear}).
     */
    public static void clearOnHandOut(
            MemorySegment segment, long byteSize, boolean mayHoldOldBytes, boolean zeroOnAllocate) {
        if (zeroOnAllocate && mayHoldOldBytes) {
            io.hakmem.os.Zeroing.clear(segment, byteSize);
        }
    }

    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(byte[].class);
    private static final VarHandle REMOTE_BITS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle QUEUED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUED = lookup.findVarHandle(Span.class, "queued", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SuperSlab superSlab;
    /** The SuperSlab's scope and heap, one load closer for the free path's checks. */
    private final MemorySegment.Scope scope;

    private final SlabHeap heap;
    final int firstSlab;
    final int slabCount;
    final long base;
    final int sizeClass;
    final int blockSize;
    final int capacity;
    /** See {@link SizeClasses#magic}; 0 means divide. */
    private final long magic;

    final byte[] state;
    /** Blocks [bump, capacity) were never handed out since the span was formed. */
    int bump;
    /** Address of the first block of the intrusive free list, 0 when empty. */
    long freeHead;

    int used;
    /** True when never-used blocks may hold old bytes, because the slabs were not purged. */
    boolean dirty;

    @Nullable
    Span prev;

    @Nullable
    Span next;

    boolean listed;
    /** When {@link #used} last reached 0 (System.nanoTime); meaningful while it stays 0. */
    long emptySince;
    /**
     * Remotely freed blocks, one bit per block, set by any thread. Not an intrusive list in the
     * blocks themselves: a double free raced against the owner's plain magazine free leaves the
     * block both queued and cached, and the next user of the block would overwrite a link kept in
     * its memory. A bit set twice is one bit, so the race cannot corrupt this queue either.
     */
    private final long[] remoteBits;
    /** 1 while this span waits on the heap's pending queue. */
    @SuppressWarnings("unused")
    private volatile int queued;
    /**
     * The thread cache carving this span, written under the heap lock; read without it by the
     * free path, where a stale read only sends a free down the other correct path (magazine or
     * remote queue), never a wrong one.
     */
    @Nullable
    SpanOwner owner;
    /** The owner's {@link SpanOwner#generation()} when it took the span. */
    int ownerGeneration;
    /** The next span in the {@link RemoteInbox} this span waits in. */
    @Nullable
    Span nextInInbox;

    Span(SuperSlab superSlab, int firstSlab, int sizeClass, boolean dirty) {
        this.superSlab = superSlab;
        this.scope = superSlab.scope();
        this.heap = superSlab.heap;
        this.firstSlab = firstSlab;
        this.slabCount = SizeClasses.spanSlabs(sizeClass);
        this.base = superSlab.base + ((long) firstSlab << SizeClasses.SLAB_SHIFT);
        this.sizeClass = sizeClass;
        this.blockSize = SizeClasses.size(sizeClass);
        this.capacity = SizeClasses.capacity(sizeClass);
        this.magic = SizeClasses.magic(sizeClass);
        this.state = new byte[capacity];
        this.remoteBits = new long[(capacity + 63) >>> 6];
        this.dirty = dirty;
    }

    /** {@return the size class} */
    public int sizeClass() {
        return sizeClass;
    }

    /** {@return the bytes of the slabs this span covers} */
    long bytes() {
        return (long) slabCount << SizeClasses.SLAB_SHIFT;
    }

    /** {@return the block size} */
    public int blockSize() {
        return blockSize;
    }

    /**
     * {@return whether {@code candidate} was cut from this span's SuperSlab, which belongs to
     * {@code heap} and is still mapped} A segment over a Java array, one made by
     * {@code ofAddress}, and one cut from a SuperSlab since unmapped all have another scope.
     */
    public boolean owns(SlabHeap heap, MemorySegment candidate) {
        return this.heap == heap && candidate.scope() == scope;
    }

    /** {@return the SuperSlab} */
    public SuperSlab superSlab() {
        return superSlab;
    }

    /** {@return the thread cache that owns this span for routing frees, if any} */
    public @Nullable SpanOwner owner() {
        return owner;
    }

    /**
     * {@return whether {@code taker} may carve blocks from this span: its own, or one nobody holds,
     * or one whose owner died or gave everything back since. Locked.}
     */
    boolean claimableBy(SpanOwner taker) {
        return used == 0 || !heldByAnotherLiveCache(taker);
    }

    /**
     * {@return whether {@code collector} (null: the heap) may collect this span's remote frees:
     * its owner's, or anyone's when no live cache owns it. Locked.}
     */
    boolean collectableBy(@Nullable SpanOwner collector) {
        return !heldByAnotherLiveCache(collector);
    }

    /** Whether a cache other than {@code who} owns this span and has neither died nor let go since. */
    private boolean heldByAnotherLiveCache(@Nullable SpanOwner who) {
        assert superSlab.heap.locked();
        SpanOwner o = owner;
        return o != null && o != who && ownedBy(o);
    }

    /**
     * {@return whether {@code o} holds this span: it carved it in its current generation and its
     * thread lives} Racy without the heap lock; see {@link RemoteInbox#collect} for when it is not.
     */
    boolean ownedBy(SpanOwner o) {
        return owner == o && ownerGeneration == o.generation() && o.isAlive();
    }

    void claim(SpanOwner taker) {
        owner = taker;
        ownerGeneration = taker.generation();
    }

    /**
     * @return the index of the block starting at {@code address}, or -1 when the address is not
     *     the start of a block of this span
     */
    public int blockIndex(long address) {
        long offset = address - base;
        int index = indexOf(address);
        if (index >= capacity || (long) index * blockSize != offset) {
            return -1;
        }
        return index;
    }

    /** {@return the index of a block known to start at {@code address}; no validation} */
    public int indexOf(long address) {
        long offset = address - base;
        return magic != 0 ? (int) ((offset * magic) >>> 32) : (int) (offset / blockSize);
    }

    /** {@return the state byte of block {@code index}} */
    public byte state(int index) {
        return state[index];
    }

    /** Sets a state byte; the caller is the one party allowed to write it now. */
    public void setState(int index, byte value) {
        state[index] = value;
    }

    /** Moves a block from LIVE to REMOTE atomically; false when it was not LIVE. */
    boolean casLiveToRemote(int index) {
        return STATE.compareAndSet(state, index, LIVE, REMOTE);
    }

    /** {@return the address of block {@code index}} */
    public long addressOf(int index) {
        return base + (long) index * blockSize;
    }

    boolean hasFree() {
        return freeHead != 0 || bump < capacity;
    }

    /**
     * Pops a free block; requires {@link #hasFree()}. Returns its address, with bit 0 set when
     * the block may hold old bytes (blocks are at least 8-aligned, so the bit is free).
     */
    long pop() {
        long address = freeHead;
        if (address != 0) {
            freeHead = checkedLink(address, superSlab.segment.get(ValueLayout.JAVA_LONG, address - superSlab.base));
            used++;
            superSlab.usedBlocks++;
            superSlab.emptyCounted = false;
            return address | DIRTY_BIT | RECYCLED_BIT;
        }
        address = addressOf(bump++);
        used++;
        superSlab.usedBlocks++;
        superSlab.emptyCounted = false;
        return dirty ? address | DIRTY_BIT : address;
    }

    /**
     * The link stored in a free block is user-writable memory: a write after free can change it.
     * A link that is not a free block of this span is never followed; the rest of the list is
     * dropped (those blocks stay FREE, so the span's counts remain right) and the damage is
     * reported, instead of handing out memory at an arbitrary address.
     */
    private long checkedLink(long block, long next) {
        if (next == 0) {
            return 0;
        }
        int index = blockIndex(next);
        if (index >= 0 && index < bump && state[index] == FREE) {
            return next;
        }
        DAMAGE_LOG.log(
                System.Logger.Level.WARNING,
                "hakmem: write after free detected: the free-list link in block 0x"
                        + Long.toHexString(block) + " (" + blockSize + " B) was overwritten with 0x"
                        + Long.toHexString(next)
                        + "; the rest of this span's free list is dropped");
        return 0;
    }

    private static final System.Logger DAMAGE_LOG = System.getLogger("io.hakmem");

    void push(long address) {
        superSlab.segment.set(ValueLayout.JAVA_LONG, address - superSlab.base, freeHead);
        freeHead = address;
        used--;
        superSlab.usedBlocks--;
    }

    /**
     * Marks block {@code index}, already moved LIVE to REMOTE by its freer, as remotely freed;
     * any thread, lock-free.
     *
     * @return true when the span must be put on the heap's pending queue
     */
    boolean pushRemote(int index) {
        REMOTE_BITS.getAndBitwiseOr(remoteBits, index >>> 6, 1L << index);
        // Most remote frees find the span queued already: a plain read spares them a third atomic.
        return (int) QUEUED.getVolatile(this) == 0 && markQueued();
    }

    /** Marks this span queued; false when it was already. */
    boolean markQueued() {
        return (int) QUEUED.getAndSet(this, 1) == 0;
    }

    /** Puts back remote-free bits a collector took from a span that was not its own. */
    void returnRemoteBits(int w, long bits) {
        REMOTE_BITS.getAndBitwiseOr(remoteBits, w, bits);
    }

    /** Takes this span off the pending queue's books before a collection; later pushes queue it again. */
    void unqueue() {
        QUEUED.setVolatile(this, 0);
    }

    /** {@return the number of 64-block words of {@link #remoteBits}} */
    int remoteWords() {
        return remoteBits.length;
    }

    /** {@return the remote-free bits of word {@code w}, leaving them} */
    long remoteWord(int w) {
        return (long) REMOTE_BITS.getVolatile(remoteBits, w);
    }

    /** {@return the remote-free bits of word {@code w}, clearing them} */
    long takeRemoteWord(int w) {
        return (long) REMOTE_BITS.getVolatile(remoteBits, w) == 0 ? 0 : (long) REMOTE_BITS.getAndSet(remoteBits, w, 0L);
    }

    int mask() {
        return (int) (((1L << slabCount) - 1) << firstSlab);
    }
}
