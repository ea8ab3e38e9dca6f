package io.hakmem.budget;

import io.hakmem.HakmemArena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The built-in {@code threads} workload: {@code threads} producer threads each allocate
 * {@code blocks} blocks of {@code size} bytes and stamp each with its own number; at the peak,
 * with every block allocated and none freed, the runner measures; then as many consumer threads,
 * none of them a producer, check every stamp and free the blocks, so every free is a
 * cross-thread free.
 */
final class ThreadsWorkload implements Workload {

    static final String NAME = "threads";

    @Override
    public void run(WorkloadContext context) throws InterruptedException {
        int threads = (int) Parameters.inRange(context, "threads", 2, 1, 256);
        int blocks = (int) Parameters.inRange(context, "blocks", 50_000, 1, 10_000_000);
        long size = Parameters.inRange(context, "size", 64, Long.BYTES, 1L << 20);
        HakmemArena arena = context.arena();
        BlockingQueue<MemorySegment> handOff = new ArrayBlockingQueue<>(threads * blocks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        runAll(threads, "hakmem-producer-", failure, () -> produce(arena, blocks, size, handOff));
        context.measure();
        runAll(threads, "hakmem-consumer-", failure, () -> consume(arena, handOff));
        if (failure.get() != null) {
            throw new IllegalStateException("threads workload failed", failure.get());
        }
        if (!handOff.isEmpty()) {
            throw new IllegalStateException(handOff.size() + " blocks were never consumed");
        }
    }

    private static void produce(HakmemArena arena, int blocks, long size, BlockingQueue<MemorySegment> out) {
        for (int i = 0; i < blocks; i++) {
            MemorySegment block = arena.allocate(size);
            long stamp = stampOf(block);
            block.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, stamp);
            block.set(ValueLayout.JAVA_LONG_UNALIGNED, size - Long.BYTES, ~stamp);
            out.add(block);
        }
    }

    private static void consume(HakmemArena arena, BlockingQueue<MemorySegment> in) {
        MemorySegment block;
        while ((block = in.poll()) != null) {
            long stamp = stampOf(block);
            long head = block.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            long tail = block.get(ValueLayout.JAVA_LONG_UNALIGNED, block.byteSize() - Long.BYTES);
            if (head != stamp || tail != ~stamp) {
                throw new IllegalStateException("block at 0x" + Long.toHexString(block.address()) + " was overwritten: "
                        + Long.toHexString(head) + "/" + Long.toHexString(tail));
            }
            arena.free(block);
        }
    }

    private static long stampOf(MemorySegment block) {
        return block.address() * 0x9E3779B97F4A7C15L;
    }

    private static void runAll(int count, String prefix, AtomicReference<Throwable> failure, Runnable body)
            throws InterruptedException {
        List<Thread> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(body, prefix + i);
            thread.setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }
}
