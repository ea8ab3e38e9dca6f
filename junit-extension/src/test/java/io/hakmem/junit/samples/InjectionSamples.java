package io.hakmem.junit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemExtension;
import io.hakmem.junit.InjectArena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests that record which arena each injection point saw. */
public final class InjectionSamples {

    /** Arena seen by each test, by its unique id; cleared by the test that runs a sample. */
    public static final Map<String, HakmemArena> SEEN = new ConcurrentHashMap<>();

    private InjectionSamples() {}

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class AllPointsShare {
        private final HakmemArena fromConstructor;
        private HakmemArena fromBeforeEach;

        @InjectArena
        HakmemArena field;

        AllPointsShare(HakmemArena arena) {
            this.fromConstructor = arena;
        }

        @BeforeEach
        void setUp(HakmemArena arena) {
            fromBeforeEach = arena;
        }

        @Test
        void seesOneArena(HakmemArena arena, TestInfo info) {
            assertSame(arena, fromBeforeEach, "@BeforeEach parameter");
            assertSame(arena, field, "@InjectArena field");
            assertSame(arena, fromConstructor, "constructor parameter");
            assertFalse(arena.isClosed());
            SEEN.put(info.getDisplayName(), arena);
        }

        @AfterEach
        void tearDown(HakmemArena arena) {
            assertSame(field, arena, "@AfterEach parameter");
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class Outer {
        @InjectArena
        HakmemArena outerField;

        @Test
        void outerTest(HakmemArena arena) {
            assertSame(arena, outerField);
            SEEN.put("outer", arena);
        }

        @Nested
        class Inner {
            @InjectArena
            HakmemArena innerField;

            @Test
            void innerTest(HakmemArena arena) {
                assertSame(arena, innerField, "inner field");
                assertSame(arena, outerField, "the enclosing instance's field gets the same test's arena");
                SEEN.put("inner-1", arena);
            }

            @Test
            void secondInnerTest(HakmemArena arena) {
                SEEN.put("inner-2", arena);
            }
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class Templates {
        @InjectArena
        HakmemArena field;

        @ParameterizedTest
        @ValueSource(ints = {8, 16, 24})
        void parameterized(int size, HakmemArena arena) {
            assertSame(arena, field);
            MemorySegment s = arena.allocate(size);
            assertEquals(1, arena.stats().liveBlocks(), "a fresh arena holds only this test's block");
            arena.free(s);
            SEEN.put("param-" + size, arena);
        }

        @RepeatedTest(3)
        void repeated(HakmemArena arena, TestInfo info) {
            SEEN.put(info.getDisplayName(), arena);
        }
    }

    /** Four tests that hold their blocks at the same moment, each in its own arena. */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @Execution(ExecutionMode.CONCURRENT)
    public static class Parallel {
        static final int TESTS = 4;
        /** Reset by the test that runs this sample. */
        public static volatile CyclicBarrier together = new CyclicBarrier(TESTS);

        @Test
        void one(HakmemArena arena) throws Exception {
            holdBlocks(arena, 1);
        }

        @Test
        void two(HakmemArena arena) throws Exception {
            holdBlocks(arena, 2);
        }

        @Test
        void three(HakmemArena arena) throws Exception {
            holdBlocks(arena, 3);
        }

        @Test
        void four(HakmemArena arena) throws Exception {
            holdBlocks(arena, 4);
        }

        private static void holdBlocks(HakmemArena arena, int count)
                throws InterruptedException, BrokenBarrierException, TimeoutException {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                blocks.add(arena.allocate(16));
            }
            // The bound only stops a broken run from hanging; the test asserts counts, not time.
            together.await(60, TimeUnit.SECONDS);
            assertEquals(count, arena.stats().liveBlocks(), "other tests' blocks must not show up here");
            SEEN.put(Thread.currentThread().getName() + "/" + count, arena);
            together.await(60, TimeUnit.SECONDS);
            blocks.forEach(arena::free);
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class StaticField {
        @InjectArena
        static HakmemArena shared;

        @Test
        void neverRuns() {}
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class WrongFieldType {
        @InjectArena
        String notAnArena;

        @Test
        void neverRuns() {}
    }
}
