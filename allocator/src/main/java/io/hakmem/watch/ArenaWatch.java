package io.hakmem.watch;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The one registry of the open hakmem arenas of the process, and the hook that passes each
 * allocation and free of any of them to one installed {@link Listener}. The JUnit extension uses
 * it to find leaks of arenas it did not create (the global one, and those the code under test
 * made for itself); the allocator's MXBeans, periodic JFR event and exit table list the open
 * arenas from it.
 *
 * <p>This package sits below {@code io.hakmem}: it knows arenas as {@link Arena}s, and every
 * arena it is told of is a {@code HakmemArena}.
 *
 * <p>Until a listener is first installed an allocation pays nothing: {@link #watching()} is a
 * constant to the JIT, which recompiles its callers when the first listener comes. From then on,
 * for the life of the process, every allocation and free reads the installed listener, even
 * after it is removed: test tools install theirs once. Arenas are held
 * until they are closed, referenced or not: an arena never closed keeps its memory mapped, so it
 * stays listed, in the exit table too.
 *
 * <pre>{@code
 * ArenaWatch.Listener previous = ArenaWatch.install(new ArenaWatch.Listener() {
 *     public void allocated(Arena arena, MemorySegment segment) { ... }
 *     public void freeing(Arena arena, MemorySegment segment) { ... }
 * });
 * }</pre>
 */
@NullMarked
public final class ArenaWatch {

    private static final int CREATION_DEPTH = 12;
    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), CREATION_DEPTH + 4);
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<Arena, Registration> OPEN = new ConcurrentHashMap<>();

    private static volatile @Nullable Listener listener;

    /**
     * Whether a listener was ever installed, as a call site the JIT folds to a constant: a
     * volatile read on every allocation and free also kept the JIT from reusing, across it, the
     * loads a loop of allocations repeats.
     *
     * <p>It goes from false to true once and never back. Changing a target is not atomic: the JVM
     * stores the new one before it has deoptimized the code that folded the old one, so for a
     * moment interpreted code sees the new value and compiled code the old. Toggled with every
     * install, that let a listener hear a block allocated, hear it freed, miss its next
     * allocation by stale compiled code, and hear it freed again (7 in 150 runs of the churn
     * test). Once on, the volatile {@link #listener} alone decides, and it has no such window.
     * {@code setTarget} returns only once that code is gone, so {@link #install} switches it on
     * before it publishes the listener: whoever reads a listener knows every call asks for it.
     */
    private static final MutableCallSite WATCHING = new MutableCallSite(constant(false));

    private static final MethodHandle ON = constant(true);

    private static final MethodHandle IS_WATCHING = WATCHING.dynamicInvoker();

    private ArenaWatch() {}

    /**
     * What a test tool hears from every arena. Calls come on the allocating or freeing thread,
     * outside every allocator lock; a listener must be thread-safe and must not call back into the
     * arena that is calling it.
     */
    public interface Listener {

        /**
         * An arena was created.
         *
         * @param arena the new arena
         */
        default void arenaCreated(Arena arena) {}

        /**
         * A block was handed out.
         *
         * @param arena the arena that allocated it
         * @param segment the segment the caller gets
         */
        void allocated(Arena arena, MemorySegment segment);

        /**
         * A block is about to be freed: called before the block can be handed out again, so that
         * a listener never sees the next allocation of the same address first.
         *
         * @param arena the arena freeing it
         * @param segment the segment the caller passed to {@code free}
         */
        void freeing(Arena arena, MemorySegment segment);

        /**
         * An arena was closed: every block it still held is gone.
         *
         * @param arena the closed arena
         */
        default void arenaClosed(Arena arena) {}
    }

    /**
     * Where an arena was created.
     *
     * @param id a number unique in this process, in creation order
     * @param site the creating stack, innermost caller first (frames of the allocator left out)
     * @param threadName the creating thread
     */
    public record Origin(long id, List<StackTraceElement> site, String threadName) {

        /** Copies the stack. */
        public Origin {
            site = List.copyOf(site);
        }

        /** {@return the innermost frame as {@code Class.method(File.java:42)}, or "unknown"} */
        public String where() {
            return site.isEmpty() ? "unknown" : site.get(0).toString();
        }
    }

    /** One open arena's entry, which the arena keeps to hand back at {@link #closed}. */
    public static final class Registration {
        private final Arena arena;
        private final Origin origin;

        private Registration(Arena arena, Origin origin) {
            this.arena = arena;
            this.origin = origin;
        }

        /** {@return where the arena was created} */
        public Origin origin() {
            return origin;
        }
    }

    /**
     * Installs the listener, replacing any other. Every allocation and free that starts after
     * this returns is passed to it, until it is replaced; those running while the first listener
     * of the process is installed may or may not be.
     *
     * @param newListener the listener, or null to remove the current one
     * @return the listener it replaced, or null
     */
    public static synchronized @Nullable Listener install(@Nullable Listener newListener) {
        if (newListener != null && WATCHING.getTarget() != ON) {
            // A call that sees the switch on before the listener is set finds none and carries on.
            WATCHING.setTarget(ON);
            MutableCallSite.syncAll(new MutableCallSite[] {WATCHING});
        }
        Listener old = listener;
        listener = newListener;
        return old;
    }

    /** {@return the installed listener, or null} */
    public static @Nullable Listener listener() {
        return listener;
    }

    /**
     * {@return whether a listener was ever installed; free in compiled code, so allocation and
     * free check it first and read {@link #listener()} only when it says true}
     */
    public static boolean watching() {
        try {
            return (boolean) IS_WATCHING.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // A constant handle throws nothing checked; the compiler cannot know that.
            throw new IllegalStateException("a constant method handle threw " + t, t);
        }
    }

    private static MethodHandle constant(boolean value) {
        return MethodHandles.constant(boolean.class, value);
    }

    /**
     * Called by each arena's constructor.
     *
     * @param arena the new arena
     * @param globalArena whether it is {@code HakmemArena.global()}, named as such in reports
     * @return the arena's registration, to pass to {@link #closed}
     */
    public static Registration opened(Arena arena, boolean globalArena) {
        List<StackTraceElement> site = globalArena
                ? List.of(new StackTraceElement("io.hakmem.HakmemArena", "global", null, -1))
                : WALKER.walk(frames -> frames.filter(f -> !f.getClassName().startsWith("io.hakmem.HakmemArena")
                                && !f.getClassName().equals("io.hakmem.watch.ArenaWatch"))
                        .limit(CREATION_DEPTH)
                        .map(StackWalker.StackFrame::toStackTraceElement)
                        .toList());
        Registration r = new Registration(
                arena,
                new Origin(IDS.incrementAndGet(), site, Thread.currentThread().getName()));
        OPEN.put(arena, r);
        Listener l = listener;
        if (l != null) {
            l.arenaCreated(arena);
        }
        return r;
    }

    /**
     * Called once by each arena's {@code close()}, after its memory is unmapped.
     *
     * @param arena the arena
     * @param registration what {@link #opened} returned for it
     */
    public static void closed(Arena arena, Registration registration) {
        OPEN.remove(registration.arena, registration);
        Listener l = listener;
        if (l != null) {
            l.arenaClosed(arena);
        }
    }

    /**
     * Lists the open arenas of one type.
     *
     * <pre>{@code
     * for (HakmemArena arena : ArenaWatch.openArenas(HakmemArena.class)) { ... }
     * }</pre>
     *
     * @param type the arenas' class, {@code HakmemArena.class} for all of them
     * @param <A> that class
     * @return every open arena of that type, oldest first
     */
    public static <A extends Arena> List<A> openArenas(Class<A> type) {
        List<Registration> regs = new ArrayList<>(OPEN.values());
        regs.sort((a, b) -> Long.compare(a.origin.id(), b.origin.id()));
        List<A> out = new ArrayList<>(regs.size());
        for (Registration r : regs) {
            // A closing arena leaves at the end of close(); its scope ends a moment earlier.
            if (r.arena.scope().isAlive() && type.isInstance(r.arena)) {
                out.add(type.cast(r.arena));
            }
        }
        return out;
    }

    /**
     * Says whether hakmem itself still maps a SuperSlab at an address, for a tool that found the
     * address mapped after the arena holding it was closed: a closed heap's SuperSlab is a leak of
     * the allocator, no SuperSlab at all means another mapping took the range over.
     *
     * <pre>{@code
     * String verdict = ArenaWatch.describeSuperSlabAt(range.start());
     * }</pre>
     *
     * @param address any address
     * @return a sentence for a report
     */
    public static String describeSuperSlabAt(long address) {
        LongFunction<String> d = superSlabDescriber;
        return d == null ? "no hakmem arena was created in this process" : d.apply(address);
    }

    /** Set by the allocator when it loads: this layer sees nothing of the SuperSlabs. */
    private static volatile @Nullable LongFunction<String> superSlabDescriber;

    /**
     * Installs what {@link #describeSuperSlabAt} answers with; the allocator calls it once.
     *
     * @param describer a sentence for each address
     */
    public static void describeSuperSlabsWith(LongFunction<String> describer) {
        superSlabDescriber = describer;
    }

    /**
     * Where an arena was created.
     *
     * @param arena an arena
     * @return its origin, or null when it is closed or was never registered
     */
    public static @Nullable Origin origin(Arena arena) {
        Objects.requireNonNull(arena, "arena");
        Registration r = OPEN.get(arena);
        return r == null ? null : r.origin;
    }
}
