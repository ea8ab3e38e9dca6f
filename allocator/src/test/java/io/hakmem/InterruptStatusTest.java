package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The library never changes a thread's interrupt status: a real interrupt is seen by its thread
 * even when it lands in the middle of a close handshake, and nobody gets one that nobody sent.
 */
class InterruptStatusTest {

    private static final int INTERRUPTS = 500;

    @Test
    void aThreadTrimmingInALoopSeesEveryInterrupt() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            // Every trim unmaps the SuperSlab the pair emptied: one shared-arena close per turn.
            assertThat(lostInterrupts(arena, a -> {
                        a.free(a.allocate(64));
                        a.trim();
                    }))
                    .isZero();
        }
    }

    @Test
    void aThreadAllocatingLargeBlocksSeesEveryInterrupt() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            // A 300 KiB block has a mapping of its own, unmapped with its scope on free.
            assertThat(lostInterrupts(arena, a -> a.free(a.allocate(300 << 10))))
                    .isZero();
        }
    }

    @Test
    void aThreadWhoseFreesEmptySuperSlabsSeesEveryInterrupt() throws Exception {
        // With no delay, the allocation after each emptying free unmaps the emptied SuperSlab.
        HakmemConfig config = HakmemConfig.builder()
                .magazineCapacity(0)
                .emptySuperSlabCacheSize(0)
                .purgeDelay(java.time.Duration.ZERO)
                .build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            assertThat(lostInterrupts(arena, a -> a.free(a.allocate(1024)))).isZero();
            assertThat(arena.stats().superSlabsReleasedTotal()).isGreaterThanOrEqualTo(INTERRUPTS);
        }
    }

    /**
     * Interrupts a worker {@value #INTERRUPTS} times, each time waiting until the worker saw it
     * or a second passed.
     *
     * @return interrupts the worker never saw
     */
    private static int lostInterrupts(HakmemArena arena, Consumer<HakmemArena> step) throws Exception {
        AtomicLong seen = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong steps = new AtomicLong();
        Thread worker = new Thread(
                () -> {
                    while (!stop.get()) {
                        step.accept(arena);
                        steps.incrementAndGet();
                        if (Thread.interrupted()) {
                            seen.incrementAndGet();
                        }
                    }
                },
                "interrupted-worker");
        worker.start();
        int lost = 0;
        for (int i = 0; i < INTERRUPTS; i++) {
            long before = seen.get();
            // Land the interrupt at a random point of a step, mostly inside a close.
            long at = steps.get() + 1;
            while (steps.get() < at) {
                Thread.onSpinWait();
            }
            worker.interrupt();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (seen.get() == before && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (seen.get() == before) {
                lost++;
            }
        }
        stop.set(true);
        worker.interrupt();
        worker.join();
        assertThat(steps.get()).isGreaterThanOrEqualTo(INTERRUPTS);
        return lost;
    }

    @Test
    void busyThreadsGetNoInterruptFromAThreadThatTrims() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong spurious = new AtomicLong();
            AtomicLong corrupted = new AtomicLong();
            List<Thread> busy = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long tag = t;
                busy.add(new Thread(() -> churn(arena, tag, stop, spurious, corrupted), "busy-" + t));
            }
            busy.forEach(Thread::start);
            int trims = 1_000;
            for (int i = 0; i < trims; i++) {
                arena.trim();
            }
            stop.set(true);
            for (Thread t : busy) {
                t.join();
            }
            assertThat(spurious.get()).as("interrupt flags nobody sent").isZero();
            assertThat(corrupted.get()).isZero();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    private static void churn(
            HakmemArena arena, long tag, AtomicBoolean stop, AtomicLong spurious, AtomicLong corrupted) {
        MemorySegment[] held = new MemorySegment[64];
        for (long i = 0; !stop.get(); i++) {
            int k = (int) (i & 63);
            if (held[k] != null) {
                if (held[k].get(ValueLayout.JAVA_LONG, 0) != tag * 1_000_003 + k) {
                    corrupted.incrementAndGet();
                }
                arena.free(held[k]);
            }
            held[k] = arena.allocate(16 + (i % 7) * 40);
            held[k].set(ValueLayout.JAVA_LONG, 0, tag * 1_000_003 + k);
            if (Thread.interrupted()) {
                spurious.incrementAndGet();
            }
        }
        for (MemorySegment s : held) {
            if (s != null) {
                arena.free(s);
            }
        }
    }

    @Test
    void shutdownNowStopsEveryTaskThatLoopsUntilInterrupted() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            int tasks = 20;
            ExecutorService pool = Executors.newFixedThreadPool(tasks);
            AtomicLong started = new AtomicLong();
            for (int i = 0; i < tasks; i++) {
                pool.execute(() -> {
                    started.incrementAndGet();
                    while (!Thread.currentThread().isInterrupted()) {
                        arena.free(arena.allocate(300 << 10));
                    }
                });
            }
            while (started.get() < tasks) {
                Thread.onSpinWait();
            }
            Thread.sleep(200);
            List<Runnable> never = pool.shutdownNow();
            assertThat(never).isEmpty();
            assertThat(pool.awaitTermination(20, TimeUnit.SECONDS))
                    .as("all 20 tasks stopped")
                    .isTrue();
        }
    }
}
