package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/**
 * The slots of one thread's magazines, in native memory so another thread can revoke them.
 *
 * <p>Layout per class: word 0 holds the count n, words 1..n the cached block addresses (tagged
 * with {@link io.hakmem.slab.Span#DIRTY_BIT}), oldest first. The owner reaches the slots only
 * through {@link #view}, a slice of {@link #backing} whose scope is a shared arena; the revoker
 * closes that arena, and the JDK's close handshake guarantees that each single access of the
 * owner either completed before the close or throws after it. Every owner fast-path operation
 * therefore ends with exactly one write of the count, its commit point: the revoker, reading
 * {@link #backing} after the close, sees each operation either wholly done or not at all.
 */
@NullMarked
final class Magazines {

    private final Arena backingArena = Arena.ofAuto();
    final MemorySegment backing;
    final long[] offsets;
    final int[] capacities;
    /** The owner's revocable view; replaced by the owner only, after a revocation. */
    MemorySegment view;
    private Arena viewArena;

    Magazines(int magazineCapacity) {
        int classes = SizeClasses.tinyCount();
        offsets = new long[classes];
        capacities = new int[classes];
        long words = 0;
        for (int c = 0; c < classes; c++) {
            // Bound the bytes a magazine can pin to 32 KiB per class, as Netty bounds its caches.
            capacities[c] = Math.max(1, Math.min(magazineCapacity, 32768 / SizeClasses.size(c)));
            offsets[c] = words * 8;
            words += capacities[c] + 1;
        }
        backing = backingArena.allocate(words * 8, 8);
        viewArena = Arena.ofShared();
        view = backing.reinterpret(viewArena, null);
    }

    /** Revokes the owner's view; afterwards only {@link #backing} reaches the slots. */
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

    long totalCount() {
        long total = 0;
        for (int c = 0; c < offsets.length; c++) {
            total += backing.get(ValueLayout.JAVA_LONG_UNALIGNED, offsets[c]);
        }
        return total;
    }
}
