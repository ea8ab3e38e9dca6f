package io.hakmem.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.SlabHeap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lookup of the calling thread's cache, raced by threads meeting a fresh arena together. */
class ThreadCachesTest {

    private static final int ROUNDS = 3000;
    private static final int THREADS = 3;

    @RegisterExtension
    final RealHeap real = new RealHeap();

    private final SlabHeap heap = real.heap;

    @Test
    void threadsThatMeetAFreshArenaAtOnceEachGetTheirOwnCacheEveryTime() throws Exception {
        AtomicReference<ThreadCaches> round = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        CyclicBarrier end = new CyclicBarrier(THREADS + 1);
        AtomicInteger lookups = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        Thread[] threads = new Thread[THREADS];
        @Nullable ThreadCache[] got = new ThreadCache[THREADS];
        for (int t = 0; t < THREADS; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int r = 0; r < ROUNDS; r++) {
                        start.await();
                        ThreadCaches caches = round.get();
                        for (int i = 0; i < 3; i++) {
                            ThreadCache c = caches.current();
                            lookups.incrementAndGet();
                            if (i == 0) {
                                got[index] = c;
                            }
                            if (c == null || c.thread() != Thread.currentThread() || c != got[index]) {
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
        AtomicReference<@Nullable ThreadCache> sunk = new AtomicReference<>();
        AtomicInteger sinks = new AtomicInteger();
        int firstsMismatched = 0;
        for (int r = 0; r < ROUNDS; r++) {
            sunk.set(null);
            round.set(new ThreadCaches(heap, 16, 64, ArenaListener.NONE, first -> {
                sinks.incrementAndGet();
                sunk.set(first);
            }));
            start.await();
            end.await();
            ThreadCache first = sunk.get();
            if (first == null || got[indexOf(threads, first.thread())] != first) {
                firstsMismatched++;
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(lookups.get()).isEqualTo(ROUNDS * THREADS * 3);
        assertThat(foreign.get())
                .as("lookups that returned another thread's cache, or not the same one each time")
                .isZero();
        assertThat(sinks.get())
                .as("first caches claimed: one per fresh set of caches")
                .isEqualTo(ROUNDS);
        assertThat(firstsMismatched)
                .as("rounds whose sink took another cache than the one its thread got")
                .isZero();
    }

    @Test
    void whenTheFirstThreadDiesItsCacheIsForgottenAndTheNextThreadToArriveBecomesFirst() throws Exception {
        List<@Nullable ThreadCache> told = Collections.synchronizedList(new ArrayList<>());
        ThreadCaches caches = new ThreadCaches(heap, 16, 64, ArenaListener.NONE, told::add);
        AtomicReference<@Nullable ThreadCache> gone = new AtomicReference<>();
        Thread first = new Thread(() -> gone.set(caches.current()));
        first.start();
        first.join();
        assertThat(told).as("the first thread's cache").containsExactly(gone.get());

        // Arriving, this thread reaps the dead one before it claims the vacant first place.
        ThreadCache mine = caches.current();

        assertThat(mine).isNotNull().isNotSameAs(gone.get());
        assertThat(told).as("first, forgotten, then this thread's").containsExactly(gone.get(), null, mine);
        assertThat(caches.current()).isSameAs(mine);
    }

    private static int indexOf(Thread[] threads, Thread t) {
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] == t) {
                return i;
            }
        }
        throw new AssertionError("the first cache belongs to " + t + ", which took no part");
    }
}
