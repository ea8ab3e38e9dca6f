package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/**
 * The shape of one thread's magazines, and their counts in native memory so that another thread
 * can revoke them.
 *
 * <p>Class {@code sizeClass} owns slots {@code first[sizeClass] .. first[sizeClass] + capacities[sizeClass] - 1} of the owner's
 * slot array, oldest first, and one count word at byte {@code 8 * sizeClass} of {@link #backing}. The
 * owner writes a count only through {@link #view}, a slice of {@link #backing} whose scope is a
 * shared arena; the revoker closes that arena, and the JDK's close handshake guarantees that each
 * single access of the owner either completed before the close or throws after it. Every owner
 * fast-path operation therefore changes its slots first and ends with exactly one count write,
 * its commit point: the revoker, reading {@link #backing} after the close, sees each operation
 * either wholly done or not at all.
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

    /** Revokes the owner's view; afterwards only {@link #backing} reaches the counts. */
    void revokeView() {
        io.hakmem.os.SharedScopes.close(viewArena);
    }

    /** Gives the owner a fresh view after a revocation, which left every count at 0. */
    void renewView() {
        viewArena = Arena.ofShared();
        view = backing.reinterpret(viewArena, null);
    }

    boolean viewAlive() {
        return viewArena.scope().isAlive();
    }

    /** {@return the committed count of class {@code sizeClass}, read through the never-revoked backing} */
    long committed(int sizeClass) {
        return backing.get(COUNT, sizeClass * 8L);
    }

    void clearCommitted(int sizeClass) {
        backing.set(COUNT, sizeClass * 8L, 0L);
    }

    long totalCount() {
        long total = 0;
        for (int sizeClass = 0; sizeClass < first.length; sizeClass++) {
            total += committed(sizeClass);
        }
        return total;
    }
}
