package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/**
 * The shape of one thread's magazines, and the revocable native word their allocations commit
 * through.
 *
 * <p>Class {@code sizeClass} owns slots {@code first[sizeClass] .. first[sizeClass] + capacities[sizeClass] - 1} of the owner's
 * slot array, oldest first. The owner's allocation ends with a write of the class's word at byte
 * {@code 8 * sizeClass} of {@link #view}, a slice of {@link #backing} whose scope is a shared
 * arena. A revoker closes that arena; the JDK's close handshake guarantees that each single
 * access either completed before the close or throws after it, which makes the write the
 * allocation's commit point (see {@link ThreadCache}). Nobody reads the words: the counts live
 * on the Java heap.
 */
@NullMarked
final class MagazineCounts {

    static final ValueLayout.OfLong COUNT = ValueLayout.JAVA_LONG_UNALIGNED;

    private final Arena backingArena = Arena.ofAuto();
    final MemorySegment backing;
    /** Index of each class's first slot. */
    final int[] first;

    final int[] capacities;
    /** Slots over all classes. */
    final int slots;
    /** The owner's revocable view; replaced by the owner only, after a revocation. */
    MemorySegment view;

    private Arena viewArena;

    MagazineCounts(int magazineCapacity) {
        int classes = SizeClasses.count();
        first = new int[classes];
        capacities = new int[classes];
        int total = 0;
        for (int sizeClass = 0; sizeClass < classes; sizeClass++) {
            capacities[sizeClass] =
                    Math.max(1, Math.min(magazineCapacity, boundBytes(sizeClass) / SizeClasses.size(sizeClass)));
            first[sizeClass] = total;
            total += capacities[sizeClass];
        }
        slots = total;
        backing = backingArena.allocate(classes * 8L, 8);
        viewArena = Arena.ofShared();
        view = backing.reinterpret(viewArena, null);
    }

    /**
     * The bytes one magazine may pin, as Netty bounds its caches: 32 KiB, or 128 blocks when that
     * is more, for each tiny class; 128 blocks (at least 256 KiB) up to 16 KiB, so that a batch of
     * 100 buffers stays in the cache instead of taking the heap lock every few blocks (16 KiB
     * pairs: 300 ns with 16 blocks, 170 ns with 128); 128 blocks but at most 8 MiB above, the
     * per-thread span cache of rpmalloc (64 KiB: 128 blocks, 256 KiB: 32). A thread pins only
     * what it really used: drains return what sits idle through an interval, trim() the rest, and
     * an allocation that would cross {@code maxMappedBytes} revokes every cache first.
     */
    static int boundBytes(int sizeClass) {
        int size = SizeClasses.size(sizeClass);
        if (size <= SizeClasses.MAX_TINY) {
            return Math.max(32 << 10, 128 * size);
        }
        return size <= 16 << 10 ? Math.max(256 << 10, 128 * size) : Math.min(8 << 20, 128 * size);
    }

    /** Revokes the owner's view: its next commit throws. */
    void revokeView() {
        io.hakmem.os.SharedScopes.close(viewArena);
    }

    /** Gives the owner a fresh view after a revocation. */
    void renewView() {
        viewArena = Arena.ofShared();
        view = backing.reinterpret(viewArena, null);
    }

    boolean viewAlive() {
        return viewArena.scope().isAlive();
    }
}
