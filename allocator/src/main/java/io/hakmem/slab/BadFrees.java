package io.hakmem.slab;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Every refused free, told apart and described in one place: what the segment is (a stale one,
 * an interior pointer, a reinterpreted view, another arena's block, a heap segment) decides the
 * exception type and a message that names the address and the way out.
 *
 * <p>Double frees are {@link IllegalStateException}s (the segment was fine once); everything
 * that was never a block of the arena is an {@link IllegalArgumentException}.
 */
@NullMarked
public final class BadFrees {

    private BadFrees() {}

    /** {@return a double free of the block at {@code address}, with what state it was found in} */
    public static IllegalStateException doubleFree(long address, String state) {
        return new IllegalStateException("double free of segment 0x" + Long.toHexString(address) + ": " + state);
    }

    /** {@return a free of a block found in state {@code state} instead of {@link Span#LIVE}} */
    public static IllegalStateException notLive(long address, byte state) {
        return doubleFree(
                address,
                switch (state) {
                    case Span.FREE -> "the block is already free";
                    case Span.CACHED -> "the block is already free, parked in a thread cache";
                    case Span.REMOTE -> "the block is already free, queued by another thread";
                    default -> "the block is in use";
                });
    }

    /** {@return a segment that starts inside a block of {@code blockSize} bytes} */
    public static IllegalArgumentException interior(long address, long blockSize) {
        return new IllegalArgumentException("segment 0x" + Long.toHexString(address) + " points inside a block of "
                + blockSize + " B, not at its start");
    }

    /**
     * Classifies a segment cut from {@code ss} (its own scope) whose free failed the block checks.
     *
     * @return the exception to throw
     */
    public static RuntimeException inSuperSlab(MemorySegment segment, SuperSlab ss) {
        long address = segment.address();
        Span span = ss.spanOf(address);
        if (span == null) {
            return doubleFree(address, "its slab holds no blocks any more");
        }
        if (span.blockIndex(address) < 0) {
            return interior(address, span.blockSize());
        }
        return new IllegalArgumentException("segment 0x" + Long.toHexString(address) + " has " + segment.byteSize()
                + " bytes, more than its block of " + span.blockSize() + " B: was it reinterpreted?");
    }

    /**
     * Classifies a segment that is neither a block of {@code heap}'s SuperSlabs (with their scope)
     * nor one of its large mappings.
     *
     * @param ss the SuperSlab of {@code heap} whose address range holds the segment, if any
     * @return the exception to throw
     */
    public static RuntimeException notOurs(SlabHeap heap, MemorySegment segment, @Nullable SuperSlab ss) {
        String where = "0x" + Long.toHexString(segment.address()) + " (" + segment.byteSize() + " B)";
        if (!segment.isNative()) {
            return new IllegalArgumentException("segment " + segment + " is a heap segment, not one of this arena's");
        }
        if (ss != null && segment.scope().isAlive()) {
            // A live scope other than the SuperSlab's: a raw alias of this arena's memory.
            return new IllegalArgumentException("segment " + where + " points into this arena's memory but is not "
                    + "a segment it handed out (made with MemorySegment.ofAddress or reinterpret?): free the "
                    + "segment that allocate returned");
        }
        if (ss != null) {
            return new IllegalStateException("segment " + where + " belongs to a SuperSlab that was already "
                    + "released and mapped again: double free of a stale segment");
        }
        if (!segment.scope().isAlive() && heap.released(segment.scope())) {
            return doubleFree(
                    segment.address(),
                    "the segment is stale: its block was freed and its memory " + "already given back to the OS");
        }
        if (SlabHeap.owningHeap(segment.address()) != null) {
            return new IllegalArgumentException("segment " + where + " was allocated by another HakmemArena");
        }
        return new IllegalArgumentException("segment " + where + " was not allocated by this arena "
                + "(a JDK arena's segment, or one already freed and unmapped)");
    }
}
