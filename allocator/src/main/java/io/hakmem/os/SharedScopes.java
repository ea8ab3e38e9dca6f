package io.hakmem.os;

import java.lang.foreign.Arena;
import org.jspecify.annotations.NullMarked;

/**
 * Closes shared JDK arenas without leaking the JVM's wake-up interrupt.
 *
 * <p>Closing a shared arena runs a handshake with every thread. When HotSpot decides a thread
 * may be accessing the closing scope, it installs an asynchronous exception in that thread and,
 * to wake it from sleep or park, sets its interrupt status; if the thread turns out not to be
 * accessing the scope, the exception is dropped but the interrupt status stays. The closing
 * thread itself can be hit (seen on JDK 25 when a SuperSlab is unmapped from a compiled frame
 * that touched it), and would then fail its next {@code sleep} or {@code await}. The close here
 * restores the caller's interrupt status, which the close cannot legitimately have changed.
 */
@NullMarked
public final class SharedScopes {

    private SharedScopes() {
    }

    /** Closes {@code arena}, leaving the calling thread's interrupt status as it was. */
    public static void close(Arena arena) {
        boolean wasInterrupted = Thread.currentThread().isInterrupted();
        arena.close();
        if (!wasInterrupted) {
            Thread.interrupted();
        }
    }
}
