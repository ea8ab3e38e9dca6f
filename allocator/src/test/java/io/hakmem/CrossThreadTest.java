package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Blocks that cross threads: remote frees, churn, virtual threads, and trim racing all of it. */
class CrossThreadTest {

    private static final MemorySegment POISON_PILL = MemorySegment.NULL;

    @Test
    void producersAndConsumersExchangeAMillionMixedBlocksWithoutCorruption() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            BlockingQueue<MemorySegment> queue = new ArrayBlockingQueue<>(4096);
            AtomicLong corrupted = new AtomicLong();
            AtomicLong consumed = new AtomicLong();
            int perProducer = 500_000;
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                long seed = p;
                threads.add(new Thread(() -> produce(arena, queue, perProducer, seed), "producer-" + p));
            }
            for (int c = 0; c < 2; c++) {
                threads.add(new Thread(() -> consume(arena, queue, corrupted, consumed), "consumer-" + c));
            }
            threads.forEach(Thread::start);
            threads.get(0).join();
            threads.get(1).join();
            queue.put(POISON_PILL);
            queue.put(POISON_PILL);
            threads.get(2).join();
            threads.get(3).join();

            assertThat(corrupted.get()).isZero();
            assertThat(consumed.get()).isEqualTo(2L * perProducer);
            HakmemStats after = arena.stats();
            assertThat(after.liveBlocks()).isZero();
            assertThat(after.liveBytes()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    private static void produce(HakmemArena arena, BlockingQueue<MemorySegment> queue, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            for (int i = 0; i < count; i++) {
                int size = 8 + random.nextInt(1017);
                MemorySegment s = arena.allocate(size);
                stamp(s);
                queue.put(s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void consume(
            HakmemArena arena, BlockingQueue<MemorySegment> queue, AtomicLong corrupted, AtomicLong consumed) {
        try {
            while (true) {
                MemorySegment s = queue.take();
                if (s == POISON_PILL) {
                    return;
                }
                if (!intact(s)) {
                    corrupted.incrementAndGet();
                }
                arena.free(s);
                consumed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void manyThreadsChurnMixedSizesWhileAnotherThreadTrims() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            int threads = 6;
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            ConcurrentLinkedQueue<MemorySegment> shared = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 100 + t;
                results.add(pool.submit(() -> churn(arena, shared, start, seed)));
            }
            Future<Long> trimmer = pool.submit(() -> {
                start.await();
                long trims = 0;
                while (results.stream().anyMatch(f -> !f.isDone())) {
                    arena.trim();
                    trims++;
                    Thread.sleep(1);
                }
                return trims;
            });
            long corrupted = 0;
            for (Future<Long> f : results) {
                corrupted += f.get();
            }
            assertThat(trimmer.get()).isPositive();
            pool.shutdown();
            for (MemorySegment s : shared) {
                corrupted += intact(s) ? 0 : 1;
                arena.free(s);
            }
            assertThat(corrupted).isZero();
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    /** Allocates, verifies and frees mixed sizes; hands some blocks to other threads. Returns corruptions. */
    private static long churn(
            HakmemArena arena, ConcurrentLinkedQueue<MemorySegment> shared, CyclicBarrier start, long seed)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        MemorySegment[] slots = new MemorySegment[512];
        long corrupted = 0;
        start.await();
        for (int step = 0; step < 60_000; step++) {
            int i = random.nextInt(slots.length);
            if (slots[i] == null) {
                int size = random.nextInt(10) == 0 ? 1024 + random.nextInt(20_000) : 8 + random.nextInt(1017);
                slots[i] = arena.allocate(size);
                stamp(slots[i]);
            } else {
                corrupted += intact(slots[i]) ? 0 : 1;
                if (random.nextInt(4) == 0) {
                    shared.add(slots[i]);
                } else {
                    arena.free(slots[i]);
                }
                slots[i] = null;
            }
            if (step % 64 == 0) {
                MemorySegment foreign = shared.poll();
                if (foreign != null) {
                    corrupted += intact(foreign) ? 0 : 1;
                    arena.free(foreign);
                }
            }
        }
        for (MemorySegment s : slots) {
            if (s != null) {
                corrupted += intact(s) ? 0 : 1;
                arena.free(s);
            }
        }
        return corrupted;
    }

    @Test
    void twentyThousandVirtualThreadsStayWithinABoundedFootprint() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            AtomicLong corrupted = new AtomicLong();
            try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 20_000; t++) {
                    int size = 16 + (t % 64) * 8;
                    virtual.submit(() -> {
                        List<MemorySegment> blocks = new ArrayList<>(100);
                        for (int i = 0; i < 100; i++) {
                            MemorySegment s = arena.allocate(size);
                            stamp(s);
                            blocks.add(s);
                        }
                        Thread.yield();
                        for (MemorySegment s : blocks) {
                            if (!intact(s)) {
                                corrupted.incrementAndGet();
                            }
                            arena.free(s);
                        }
                    });
                }
            }
            HakmemStats before = arena.stats();
            assertThat(corrupted.get()).isZero();
            assertThat(before.liveBlocks()).isZero();
            // Empty SuperSlabs stay mapped (purged) long after their last free, so right after
            // the work the mapping is the peak of concurrently live blocks.
            assertThat(before.mappedBytes()).as("mapped at the end of the work").isLessThanOrEqualTo(256L << 20);
            assertThat(before.magazineBlocks())
                    .as("virtual threads get no private magazines")
                    .isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    /** Writes a pattern derived from the block's address and size over the whole block. */
    static void stamp(MemorySegment s) {
        long n = s.byteSize() / 8;
        long seed = s.address() * 31 + s.byteSize();
        for (long i = 0; i < n; i++) {
            s.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, seed + i);
        }
        for (long b = n * 8; b < s.byteSize(); b++) {
            s.set(ValueLayout.JAVA_BYTE, b, (byte) seed);
        }
    }

    static boolean intact(MemorySegment s) {
        long n = s.byteSize() / 8;
        long seed = s.address() * 31 + s.byteSize();
        for (long i = 0; i < n; i++) {
            if (s.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i) != seed + i) {
                return false;
            }
        }
        for (long b = n * 8; b < s.byteSize(); b++) {
            if (s.get(ValueLayout.JAVA_BYTE, b) != (byte) seed) {
                return false;
            }
        }
        return true;
    }
}
