package io.hakmem.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.os.OsChoice;
import io.hakmem.os.OsMemories;
import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.HeapPolicy;
import io.hakmem.slab.SlabHeap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lookup of the calling thread's cache, raced by threads meeting a fresh arena together. */
class ThreadCachesTest {

    private static final int ROUNDS = 3000;
    private static final int THREADS = 3;

    private final SlabHeap heap = new SlabHeap(
            OsMemories.of(OsChoice.AUTO), new HeapPolicy(10_000_000, 64L << 20, 1, Long.MAX_VALUE), ArenaListener.NONE);

    @AfterEach
    void unmap() {
        heap.lock();
        try {
            heap.closeAll();
        } finally {
            heap.unlock();
        }
    }

    @Test
    void threadsThatMeetAFreshArenaAtOnceEachGetTheirOwnCacheEveryTime() throws Exception {
        AtomicReference<ThreadCaches> round = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        CyclicBarrier end = new CyclicBarrier(THREADS + 1);
        AtomicInteger lookups = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> {
                try {
                    for (int r = 0; r < ROUNDS; r++) {
                        start.await();
                        ThreadCaches caches = round.get();
                        for (int i = 0; i < 3; i++) {
                            ThreadCache c = caches.current();
                            lookups.incrementAndGet();
                            if (c == null || c.thread() != Thread.currentThread()) {
                                foreign.incrementAndGet();
                            }
                        }
                        end.await();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads[t].start();
        }
        for (int r = 0; r < ROUNDS; r++) {
            round.set(new ThreadCaches(heap, 16, 64, ArenaListener.NONE));
            start.await();
            end.await();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(lookups.get()).isEqualTo(ROUNDS * THREADS * 3);
        assertThat(foreign.get())
                .as("lookups that returned another thread's cache")
                .isZero();
    }
}
