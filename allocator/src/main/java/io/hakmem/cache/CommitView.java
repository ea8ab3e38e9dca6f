package io.hakmem.cache;

import io.hakmem.slab.SizeClasses;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

/**
 * The revocable native words a thread cache's allocations commit through, one per size class.
 *
 * <p>The owner writes a class's word through {@link #view}, a slice of never-freed native memory
 * whose scope is a shared arena. A revoker closes that arena; the JDK's close handshake
 * guarantees that each single access either completed before the close or throws after it,
 * which makes the write the allocation's commit point (see {@link ThreadCache}). Nobody reads
 * the words: the counts live on the Java heap.
 */
@NullMarked
final class CommitView {

    static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

    private final MemorySegment backing = Arena.ofAuto().allocate(SizeClasses.count() * WORD.byteSize(), 8);
    /** The owner's revocable view; replaced by the owner only, after a revocation. */
    MemorySegment view;

    private Arena viewArena;

    CommitView() {
        renew();
    }

    /** Revokes the owner's view: its next commit throws. */
    void revoke() {
        io.hakmem.os.SharedScopes.close(viewArena);
    }

    /** Gives the owner a fresh view: at creation, and after a revocation. */
    void renew() {
        viewArena = Arena.ofShared();
        view = backing.reinterpret(viewArena, null);
    }

    boolean alive() {
        return viewArena.scope().isAlive();
    }
}
