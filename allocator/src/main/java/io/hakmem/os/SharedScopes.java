package io.hakmem.os;

import java.lang.foreign.Arena;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Closes shared JDK arenas on the library's own daemon thread, so that no user thread's
 * interrupt status is ever touched by a close.
 *
 * <p>Closing a shared arena runs a handshake with every thread. A thread the JVM finds working
 * on the closing scope gets an asynchronous exception and, to wake it from a possible sleep, its
 * interrupt status set; the closing thread itself can be one of them. Clearing the status
 * afterwards on the caller would also swallow a real interrupt that arrived during the close, so
 * the close runs on a thread whose status belongs to the library. The caller waits without being
 * interruptible: its status stays exactly as it was, plus any interrupt that arrives meanwhile.
 *
 * <p>Threads revoked mid-access are the other side of the handshake: see the thread caches,
 * which undo the status at the access where they catch the revocation.
 */
@NullMarked
public final class SharedScopes {

    private static volatile @Nullable Thread closerThread;
    private static final ExecutorService CLOSER = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "hakmem-closer");
        t.setDaemon(true);
        closerThread = t;
        return t;
    });

    private SharedScopes() {}

    /**
     * Closes {@code arena} on the closer thread and waits for it, uninterruptibly.
     *
     * @throws IllegalStateException when the JDK refuses the close (already closed, or held by
     *     a scoped access of another thread); the message is the JDK's
     */
    public static void close(Arena arena) {
        if (Thread.currentThread() == closerThread) {
            closeHere(arena);
            return;
        }
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> closeHere(arena), CLOSER);
        try {
            // join() waits uninterruptibly and leaves the caller's interrupt status as it found it,
            // re-asserting an interrupt that arrived while it waited.
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void closeHere(Arena arena) {
        try {
            while (true) {
                try {
                    arena.close();
                    return;
                } catch (IllegalStateException acquired) {
                    // A downcall that clears a block holds the scope for its few microseconds
                    // (see Zeroing); a closed scope is a real error.
                    if (!arena.scope().isAlive()) {
                        throw acquired;
                    }
                    Thread.onSpinWait();
                }
            }
        } finally {
            // The handshake may have flagged this library thread; nobody else reads its status.
            Thread.interrupted();
        }
    }
}
