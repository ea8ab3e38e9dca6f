package io.hakmem;

import org.jspecify.annotations.NullMarked;

/**
 * One size class of an arena, as {@link HakmemArena#classStats()} found it: where its blocks are
 * and how much memory its spans hold.
 *
 * <p>Blocks of a class are in exactly one place: in users' hands ({@link #liveBlocks()}), parked
 * in a thread cache ({@link #cachedBlocks()}), or inside their spans ({@link #freeBlocks()}, which
 * includes blocks never handed out and blocks freed by another thread and not yet collected).
 *
 * <pre>{@code
 * for (SizeClassStats c : arena.classStats()) {
 *     System.out.printf("%6d B: %d live of %d allocated, %d spans%n",
 *             c.blockSize(), c.liveBlocks(), c.allocations(), c.spans());
 * }
 * }</pre>
 *
 * @param blockSize the class's block size in bytes; a request is served by the smallest class that
 *     holds it, so a 100-byte request lands in the 112-byte class
 * @param liveBlocks blocks in users' hands
 * @param cachedBlocks free blocks parked in thread caches, ready for their owner's next allocate
 * @param freeBlocks free blocks inside the class's spans, never handed out ones included
 * @param spans spans (runs of 64 KiB slabs) that serve the class now
 * @param residentBytes bytes of those spans that the OS holds in RAM, or -1 where the OS cannot
 *     tell (the portable backend)
 * @param allocations blocks of this class handed out since the arena was created (cumulative)
 * @param frees blocks of this class freed since the arena was created (cumulative); a double
 *     free that was caught and dropped is not counted
 */
@NullMarked
public record SizeClassStats(
        long blockSize,
        long liveBlocks,
        long cachedBlocks,
        long freeBlocks,
        long spans,
        long residentBytes,
        long allocations,
        long frees) {

    /** {@return bytes of the blocks in users' hands, whole blocks: {@code liveBlocks * blockSize}} */
    public long liveBlockBytes() {
        return liveBlocks * blockSize;
    }
}
