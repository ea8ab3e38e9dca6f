package io.hakmem;

import io.hakmem.os.SharedScopes;
import io.hakmem.slab.BadFrees;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;

/**
 * Gives every live block a JDK scope of its own: the caller gets a view of the block bound to a
 * fresh shared arena, and {@code free} closes that arena before the block goes back. Every old
 * view and every slice of one then throws {@link IllegalStateException} on access, so the block
 * may be reused at once: nothing that was handed out before can reach it.
 *
 * <p>The cost is a shared arena per allocation and its close per free (a handshake with every
 * thread), which is why this is a debugging setting.
 */
@NullMarked
final class UseAfterFreeGuard {

    private record Guarded(MemorySegment block, Arena scope) {}

    private final ConcurrentHashMap<Long, Guarded> live = new ConcurrentHashMap<>();

    /** {@return a view of {@code block} that dies when the block is freed} */
    MemorySegment wrap(MemorySegment block) {
        Arena scope = Arena.ofShared();
        MemorySegment view = block.reinterpret(block.byteSize(), scope, null);
        live.put(block.address(), new Guarded(block, scope));
        return view;
    }

    /**
     * Ends the view's scope and returns the block to free.
     *
     * @throws IllegalStateException when the view was freed before, even if its address now
     *     belongs to a newer block
     */
    MemorySegment unwrap(MemorySegment view) {
        long address = view.address();
        Guarded g = live.get(address);
        if (g != null && g.scope().scope().equals(view.scope())) {
            if (!live.remove(address, g)) {
                throw BadFrees.doubleFree(address, "another thread freed it at the same moment");
            }
            SharedScopes.close(g.scope());
            return g.block();
        }
        if (view.isNative() && !view.scope().isAlive()) {
            throw BadFrees.doubleFree(
                    address,
                    g != null
                            ? "this segment was freed before, and its address now belongs to a newer block"
                            : "this segment was freed before");
        }
        // Not a view this guard made (a slice, a foreign segment): the arena's checks name it.
        return view;
    }

    /** Ends every live view; called when the arena closes. */
    void closeAll() {
        List<Guarded> all = new ArrayList<>(live.values());
        live.clear();
        for (Guarded g : all) {
            try {
                SharedScopes.close(g.scope());
            } catch (IllegalStateException e) {
                // Already closed by a free racing close(): nothing left to end.
            }
        }
    }
}
