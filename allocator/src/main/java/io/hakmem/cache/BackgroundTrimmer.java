package io.hakmem.cache;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One daemon thread per process that trims registered arenas, never one per arena. It starts
 * with the first registration and ends when no live arena is registered. Arenas are held weakly,
 * so an arena that is dropped without {@code close()} does not keep the thread alive for long;
 * the trim function is passed apart from the arena, so that the arena need not implement an
 * interface of this unexported package, which would put it into the arena's public API.
 */
@NullMarked
public final class BackgroundTrimmer {

    private record Entry<T>(WeakReference<T> arena, Predicate<? super T> trimIdle, long intervalNanos, long[] nextDue) {

        boolean gone() {
            return arena.get() == null;
        }

        /** Trims the arena if it is still there; false once it is gone or closed. */
        boolean trim() {
            T owner = arena.get();
            if (owner == null) {
                return false;
            }
            try {
                return trimIdle.test(owner);
            } catch (RuntimeException e) {
                // A closed arena or a racing close: stop trimming it rather than kill the thread.
                return false;
            }
        }
    }

    private static final List<Entry<?>> ENTRIES = new ArrayList<>();
    private static @Nullable Thread thread;

    private BackgroundTrimmer() {}

    /**
     * Registers {@code arena} to be trimmed every {@code intervalNanos}.
     *
     * @param arena held weakly
     * @param trimIdle trims what has been idle for a whole interval and returns false once the
     *     arena is closed; it must not capture the arena, or the arena is never collected
     * @param intervalNanos the interval
     * @param <T> the arena's type
     */
    public static synchronized <T> void register(T arena, Predicate<? super T> trimIdle, long intervalNanos) {
        ENTRIES.add(new Entry<>(
                new WeakReference<>(arena), trimIdle, intervalNanos, new long[] {System.nanoTime() + intervalNanos}));
        if (thread == null) {
            Thread t = new Thread(BackgroundTrimmer::run, "hakmem-background-trim");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
        BackgroundTrimmer.class.notifyAll();
    }

    /** {@return whether the shared trimmer thread runs now; for tests and diagnostics} */
    public static synchronized boolean isRunning() {
        return thread != null;
    }

    private static void run() {
        while (true) {
            List<Entry<?>> due = new ArrayList<>();
            synchronized (BackgroundTrimmer.class) {
                long now = System.nanoTime();
                long wait = Long.MAX_VALUE;
                ENTRIES.removeIf(Entry::gone);
                if (ENTRIES.isEmpty()) {
                    thread = null;
                    return;
                }
                for (Entry<?> e : ENTRIES) {
                    if (e.nextDue[0] <= now) {
                        due.add(e);
                        e.nextDue[0] = now + e.intervalNanos;
                    }
                    wait = Math.min(wait, e.nextDue[0] - now);
                }
                if (due.isEmpty()) {
                    try {
                        long millis = Math.max(1, wait / 1_000_000);
                        BackgroundTrimmer.class.wait(millis);
                    } catch (InterruptedException e) {
                        thread = null;
                        return;
                    }
                    continue;
                }
            }
            for (Entry<?> e : due) {
                if (!e.trim()) {
                    synchronized (BackgroundTrimmer.class) {
                        ENTRIES.remove(e);
                    }
                }
            }
        }
    }
}
