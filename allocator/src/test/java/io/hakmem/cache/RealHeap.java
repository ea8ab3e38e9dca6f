package io.hakmem.cache;

import io.hakmem.os.OsChoice;
import io.hakmem.os.OsMemories;
import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.HeapPolicy;
import io.hakmem.slab.SlabHeap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real heap for this package's unit tests, which run caches without an arena around them;
 * registered as a field extension, it unmaps the heap after each test.
 */
final class RealHeap implements AfterEachCallback {

    final SlabHeap heap = new SlabHeap(
            OsMemories.of(OsChoice.AUTO), new HeapPolicy(10_000_000, 64L << 20, 1, Long.MAX_VALUE), ArenaListener.NONE);

    @Override
    public void afterEach(ExtensionContext context) {
        heap.lock();
        try {
            heap.closeAll();
        } finally {
            heap.unlock();
        }
    }
}
