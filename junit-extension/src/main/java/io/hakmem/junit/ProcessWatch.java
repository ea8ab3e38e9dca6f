package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.watch.ArenaWatch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Sees every allocation of every {@link HakmemArena} in the process while tests run, and gives
 * each block to the test whose thread (or a thread that test started) allocated it. Blocks of the
 * arenas the extension creates itself are left to {@link ArenaChecks}, which knows them exactly.
 *
 * <p>Installed once, by the first test or by {@link HakmemRunListener} when the run starts; until
 * then allocations pay nothing.
 */
@NullMarked
final class ProcessWatch implements ArenaWatch.Listener {

    static final ProcessWatch INSTANCE = new ProcessWatch();

    /** Deep enough for any configured depth; the report cuts it. */
    private static final int MAX_DEPTH = 32;

    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(), MAX_DEPTH + 8);

    /** The test a thread works for; threads a test starts inherit it. */
    private static final InheritableThreadLocal<@Nullable TestScope> CURRENT = new InheritableThreadLocal<>();

    /** Identity of the arena (HakmemArena keeps Object's equals) and the block's address. */
    record BlockKey(HakmemArena arena, long address) {}

    /**
     * @param scope the owning test, or null for a block no test can own
     */
    record Tracked(@Nullable TestScope scope, long byteSize, List<StackTraceElement> stack, String threadName) {}

    private final Map<BlockKey, Tracked> live = new ConcurrentHashMap<>();

    private ProcessWatch() {}

    static void ensureInstalled() {
        if (ArenaWatch.listener() != INSTANCE) {
            synchronized (ProcessWatch.class) {
                if (ArenaWatch.listener() != INSTANCE) {
                    ArenaWatch.install(INSTANCE);
                }
            }
        }
    }

    static void enter(TestScope scope) {
        ensureInstalled();
        CURRENT.set(scope);
    }

    static void leave(TestScope scope) {
        scope.end();
        if (CURRENT.get() == scope) {
            CURRENT.set(null);
        }
    }

    // The watch knows arenas as java.lang.foreign.Arena; every arena it reports is a HakmemArena.
    @Override
    public void arenaCreated(Arena arena) {
        TestScope scope = CURRENT.get();
        if (scope != null && scope.isOpen()) {
            scope.createdArenas.add((HakmemArena) arena);
        }
    }

    @Override
    public void allocated(Arena arena, MemorySegment segment) {
        if (LiveArenas.contains(arena)) {
            return;
        }
        TestScope scope = CURRENT.get();
        if (scope != null && !scope.isOpen()) {
            scope = null;
        }
        BlockKey key = new BlockKey((HakmemArena) arena, segment.address());
        live.put(
                key,
                new Tracked(
                        scope,
                        segment.byteSize(),
                        stack(),
                        Thread.currentThread().getName()));
        if (scope != null) {
            scope.blocks.add(key);
        }
    }

    @Override
    public void freeing(Arena arena, MemorySegment segment) {
        if (LiveArenas.contains(arena)) {
            return;
        }
        BlockKey key = new BlockKey((HakmemArena) arena, segment.address());
        Tracked t = live.remove(key);
        if (t != null && t.scope() != null) {
            t.scope().blocks.remove(key);
        }
    }

    @Override
    public void arenaClosed(Arena arena) {
        if (LiveArenas.contains(arena)) {
            return;
        }
        // close() unmapped every block: none of them is anybody's leak any more.
        live.entrySet().removeIf(e -> {
            if (e.getKey().arena() != arena) {
                return false;
            }
            TestScope s = e.getValue().scope();
            if (s != null) {
                s.blocks.remove(e.getKey());
            }
            return true;
        });
    }

    /**
     * Takes the test's blocks that are still live: they are reported now, and never again.
     *
     * @return the blocks, oldest first where the map kept the order
     */
    List<LeakGroups.Leak> drainLeaks(TestScope scope) {
        List<LeakGroups.Leak> leaks = new ArrayList<>();
        List<String> ignore = scope.settings().ignoreLeaksFrom();
        for (BlockKey key : scope.blocks) {
            Tracked t = live.remove(key);
            if (t == null || key.arena().isClosed() || LeakGroups.suppressed(t.stack(), ignore)) {
                continue;
            }
            leaks.add(new LeakGroups.Leak(t.byteSize(), t.stack(), t.threadName(), ArenaDescriptions.of(key.arena())));
        }
        scope.blocks.clear();
        return leaks;
    }

    /** {@return the live blocks that no test owns, for the end-of-run report} */
    List<LeakGroups.Leak> unowned(List<String> ignore) {
        List<LeakGroups.Leak> out = new ArrayList<>();
        for (Map.Entry<BlockKey, Tracked> e : live.entrySet()) {
            Tracked t = e.getValue();
            if (t.scope() == null && !e.getKey().arena().isClosed() && !LeakGroups.suppressed(t.stack(), ignore)) {
                out.add(new LeakGroups.Leak(
                        t.byteSize(),
                        t.stack(),
                        t.threadName(),
                        ArenaDescriptions.of(e.getKey().arena())));
            }
        }
        return out;
    }

    private static List<StackTraceElement> stack() {
        return WALKER.walk(frames -> frames.dropWhile(f -> f.getClassName().startsWith("io.hakmem.junit.ProcessWatch")
                        || f.getClassName().startsWith("io.hakmem.HakmemArena")
                        || f.getClassName().startsWith("java.lang.foreign.")
                        || f.getClassName().startsWith("jdk.internal.foreign."))
                .limit(MAX_DEPTH)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toList());
    }
}
