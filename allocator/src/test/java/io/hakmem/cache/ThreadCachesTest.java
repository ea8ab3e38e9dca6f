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
        @Nullable ThreadCache[] sunk = new ThreadCache[ThreadCaches.FRONT_PLACES];
        AtomicInteger sinks = new AtomicInteger();
        int frontsMismatched = 0;
        for (int r = 0; r < ROUNDS; r++) {
            java.util.Arrays.fill(sunk, null);
            round.set(new ThreadCaches(heap, 16, 64, ArenaListener.NONE, (place, cache) -> {
                sinks.incrementAndGet();
                sunk[place] = cache;
            }));
            start.await();
            end.await();
            for (ThreadCache front : sunk) {
                if (front == null || got[indexOf(threads, front.thread())] != front) {
                    frontsMismatched++;
                }
            }
            if (sunk[0] == sunk[1]) {
                frontsMismatched++;
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
                .as("front places claimed: two per fresh set of caches, of three threads")
                .isEqualTo(ROUNDS * ThreadCaches.FRONT_PLACES);
        assertThat(frontsMismatched)
                .as("front places whose sink took another cache than the one its thread got, or one" + " cache twice")
                .isZero();
    }

    @Test
    void whenAFrontThreadDiesItsPlaceIsForgottenAndTheNextThreadToArriveTakesIt() throws Exception {
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        List<@Nullable ThreadCache> caches = Collections.synchronizedList(new ArrayList<>());
        ThreadCaches tcs = new ThreadCaches(heap, 16, 64, ArenaListener.NONE, (place, cache) -> {
            told.add(place + ":" + (cache == null ? "none" : cache.thread().getName()));
        });
        CyclicBarrier hold = new CyclicBarrier(2);
        Thread first = new Thread(
                () -> {
                    caches.add(tcs.current());
                    await(hold);
                    await(hold);
                },
                "first");
        first.start();
        await(hold);
        Thread second = new Thread(() -> caches.add(tcs.current()), "second");
        second.start();
        second.join();
        assertThat(told).as("the first thread's place, then the second's").containsExactly("0:first", "1:second");

        // Arriving, this thread reaps the dead second one before it claims the vacant place.
        ThreadCache mine = tcs.current();
        caches.add(mine);

        assertThat(mine).isNotNull().isNotIn(caches.subList(0, 2));
        assertThat(told)
                .as("the second forgotten, then this thread's")
                .containsExactly(
                        "0:first",
                        "1:second",
                        "1:none",
                        "1:" + Thread.currentThread().getName());
        assertThat(tcs.current()).isSameAs(mine);

        // A third thread, while both places are held, goes by its hint slot.
        Thread third = new Thread(() -> caches.add(tcs.current()), "third");
        third.start();
        third.join();
        assertThat(caches.get(3)).isNotNull().isNotIn(caches.subList(0, 3));
        assertThat(told).as("no place for the third").hasSize(4);

        // Once the first is dead, the next to arrive takes its place.
        await(hold);
        first.join();
        Thread fourth = new Thread(() -> caches.add(tcs.current()), "fourth");
        fourth.start();
        fourth.join();
        assertThat(told).endsWith("0:none", "0:fourth");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
