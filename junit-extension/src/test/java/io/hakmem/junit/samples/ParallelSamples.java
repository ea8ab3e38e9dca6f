package io.hakmem.junit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemExtension;
import io.hakmem.junit.InjectArena;
import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Tests for runs with {@code junit.jupiter.execution.parallel.enabled}. */
public final class ParallelSamples {

    private ParallelSamples() {}

    /**
     * Clean tests that each map a SuperSlab and a dedicated large mapping and give both back, so
     * that the kernel keeps handing one test's freed ranges to the next test running beside it.
     */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @Execution(ExecutionMode.CONCURRENT)
    public static class ManyClean {
        public static final int TESTS = 300;
        private static final AtomicInteger running = new AtomicInteger();
        /** The most tests seen running at once; reset by the test that runs this sample. */
        public static final AtomicInteger mostAtOnce = new AtomicInteger();

        @RepeatedTest(TESTS)
        void mapsAndFreesEverything(HakmemArena arena) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                MemorySegment small = arena.allocate(24);
                MemorySegment large = arena.allocate(300 << 10);
                small.fill((byte) 1);
                large.fill((byte) 2);
                arena.free(small);
                arena.free(large);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /** One instance for all tests, run concurrently: a shared {@code @InjectArena} field cannot work. */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    public static class PerClassConcurrentField {
        public static final int TESTS = 40;

        @InjectArena
        HakmemArena arena;

        @RepeatedTest(TESTS)
        void usesTheField() throws InterruptedException {
            MemorySegment s = arena.allocate(64);
            Thread.sleep(2);
            arena.free(s);
        }
    }

    /** One instance for all tests, but the tests take turns: the field is set for each in turn. */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.SAME_THREAD)
    public static class PerClassSameThreadField {
        public static final int TESTS = 5;

        @InjectArena
        HakmemArena arena;

        @RepeatedTest(TESTS)
        void usesTheField(HakmemArena parameter) {
            assertTrue(parameter == arena, "the field holds this test's arena");
            arena.free(arena.allocate(64));
        }
    }

    /** Per-class instance, concurrent tests, but the arena comes as a parameter: nothing is shared. */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    public static class PerClassConcurrentParameter {
        public static final int TESTS = 20;
        /** Names of the threads that ran the tests; cleared by the test that runs this sample. */
        public static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

        @RepeatedTest(TESTS)
        void usesTheParameter(HakmemArena arena) throws InterruptedException {
            THREADS.add(Thread.currentThread().getName());
            MemorySegment s = arena.allocate(64);
            Thread.sleep(2);
            assertEquals(1, arena.stats().liveBlocks());
            arena.free(s);
        }
    }
}
