package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.NullMarked;

/**
 * One running test as {@link ProcessWatch} sees it: the blocks its threads allocated from arenas
 * the extension does not manage, and the arenas they created. Threads inherit it from the test's
 * thread, so blocks of threads the test started are the test's too.
 */
@NullMarked
final class TestScope {

    private final String testName;
    private final ArenaSettings settings;
    final Set<ProcessWatch.BlockKey> blocks = ConcurrentHashMap.newKeySet();
    final List<HakmemArena> createdArenas = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    TestScope(String testName, ArenaSettings settings) {
        this.testName = testName;
        this.settings = settings;
    }

    String testName() {
        return testName;
    }

    ArenaSettings settings() {
        return settings;
    }

    boolean isOpen() {
        return open;
    }

    /** From now on this scope owns nothing new; threads that still carry it allocate as nobody's. */
    void end() {
        open = false;
    }
}
