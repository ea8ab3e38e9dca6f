package io.hakmem.cache;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One daemon thread per process that trims registered arenas, never one per arena. It starts
 * with the first registration and ends when no live arena is registered. Arenas are held weakly,
 * so an arena that is dropped without {@code close()} does not keep the thread alive for long.
 */
@NullMarked
public final class BackgroundTrimmer {

    /** What the trimmer needs from an arena. */
    public interface Trimmable {
        /** Trims what has been idle for a whole interval; returns false once the arena is closed. */
        boolean trimIdle();
    }

    private record Entry(WeakReference<Trimmable> arena, long intervalNanos, long[] nextDue) {
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static @Nullable Thread thread;

    private BackgroundTrimmer() {
    }

    /** Registers {@code arena} to be trimmed every {@code intervalNanos}. */
    public static synchronized void register(Trimmable arena, long intervalNanos) {
        ENTRIES.add(new Entry(new WeakReference<>(arena), intervalNanos, new long[] {System.nanoTime() + intervalNanos}));
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
            List<Entry> due = new ArrayList<>();
            synchronized (BackgroundTrimmer.class) {
                long now = System.nanoTime();
                long wait = Long.MAX_VALUE;
                ENTRIES.removeIf(e -> e.arena.get() == null);
                if (ENTRIES.isEmpty()) {
                    thread = null;
                    return;
                }
                for (Entry e : ENTRIES) {
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
            for (Entry e : due) {
                Trimmable arena = e.arena.get();
                if (arena == null || !trim(arena)) {
                    synchronized (BackgroundTrimmer.class) {
                        ENTRIES.remove(e);
                    }
                }
            }
        }
    }

    private static boolean trim(Trimmable arena) {
        try {
            return arena.trimIdle();
        } catch (RuntimeException e) {
            // A closed arena or a racing close: stop trimming it rather than kill the thread.
            return false;
        }
    }
}
