package io.hakmem.junit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemSettings;
import io.hakmem.junit.LeakCheckMode;
import io.hakmem.junit.Toggle;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests with no {@code @ExtendWith}: they run with {@code junit.jupiter.extensions.autodetection.enabled},
 * and leak (or not) from arenas the extension never injected.
 */
public final class WatchSamples {

    /** Lines of the latest leaking allocations, for the reports to name. */
    public static volatile int scratchLine;

    public static volatile int globalLine;
    public static volatile int decoderArenaLine;

    private WatchSamples() {}

    /** Code under test that holds an arena of its own, as real code does. */
    public static final class Decoder {
        private final HakmemArena arena;

        public Decoder() {
            decoderArenaLine = LeakSamples.nextLine();
            arena = HakmemArena.create();
        }

        public MemorySegment scratch() {
            scratchLine = LeakSamples.nextLine();
            MemorySegment s = arena.allocate(24);
            return s;
        }
    }

    @OnlyInTestKit
    public static class OwnArenaLeak {
        @Test
        void decoderLeaksItsScratch() {
            new Decoder().scratch();
        }
    }

    @OnlyInTestKit
    public static class GlobalLeak {
        @Test
        void leaks40BytesFromTheGlobalArena() {
            globalLine = LeakSamples.nextLine();
            HakmemArena.global().allocate(40);
        }
    }

    @OnlyInTestKit
    public static class GlobalClean {
        @Test
        void freesWhatItTakesFromTheGlobalArena() {
            MemorySegment s = HakmemArena.global().allocate(40);
            s.set(ValueLayout.JAVA_LONG, 0, 1L);
            HakmemArena.global().free(s);
        }
    }

    @OnlyInTestKit
    public static class LeakFromAStartedThread {
        @Test
        void aThreadItStartedLeaks() throws InterruptedException {
            Thread t = new Thread(() -> HakmemArena.global().allocate(16), "decoder-worker");
            t.start();
            t.join();
        }
    }

    @OnlyInTestKit
    public static class ThousandFromOneLine {
        @Test
        void leaksAThousandBlocks() {
            for (int i = 0; i < 1000; i++) {
                HakmemArena.global().allocate(24);
            }
        }
    }

    @OnlyInTestKit
    @HakmemSettings(ignoreLeaksFrom = "io.hakmem.junit.samples.WatchSamples$Cache")
    public static class Suppressed {
        @Test
        void theCacheMayKeepItsBlock() {
            Cache.fill();
        }
    }

    /** A cache that keeps its blocks for the life of the process, on purpose. */
    static final class Cache {
        static void fill() {
            HakmemArena.global().allocate(32);
        }
    }

    @OnlyInTestKit
    public static class EmptyUnclosedArena {
        @Test
        void createsAnArenaAndForgetsIt() {
            HakmemArena arena = HakmemArena.create();
            arena.free(arena.allocate(8));
        }
    }

    @OnlyInTestKit
    @HakmemSettings(leakCheck = LeakCheckMode.WARN)
    public static class WarnOnly {
        @Test
        void leaksButOnlyWarns() {
            HakmemArena.global().allocate(40);
        }
    }

    /** 200 clean tests at once, each with its own contents in the global arena. */
    @OnlyInTestKit
    @Execution(ExecutionMode.CONCURRENT)
    public static class ManyCleanInParallel {
        public static final int TESTS = 200;

        @RepeatedTest(TESTS)
        void usesTheGlobalArena() {
            MemorySegment[] blocks = new MemorySegment[20];
            long mark = System.nanoTime();
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = HakmemArena.global().allocate(8 + i * 8L);
                blocks[i].set(ValueLayout.JAVA_LONG, 0, mark + i);
            }
            for (int i = 0; i < blocks.length; i++) {
                assertEquals(mark + i, blocks[i].get(ValueLayout.JAVA_LONG, 0));
                HakmemArena.global().free(blocks[i]);
            }
        }
    }

    /** Eight tests at once, each leaking a size of its own: each report must name only its own. */
    @OnlyInTestKit
    @Execution(ExecutionMode.CONCURRENT)
    public static class EachLeaksItsOwnSize {
        @RepeatedTest(8)
        void leaks(org.junit.jupiter.api.RepetitionInfo info) throws InterruptedException {
            long size = 1000 + info.getCurrentRepetition();
            HakmemArena.global().allocate(size);
            Thread.sleep(20); // keeps the eight tests overlapping
        }
    }

    /** No @ExtendWith and no autodetection: @InjectArena registers the extension by itself. */
    @OnlyInTestKit
    public static class InjectOnly {
        @io.hakmem.junit.InjectArena
        HakmemArena arena;

        @Test
        void leaksFromTheInjectedArena() {
            arena.allocate(24);
        }
    }

    @OnlyInTestKit
    @HakmemSettings(stackDepth = 1)
    public static class OneFrame {
        @Test
        void leaksThroughAHelper() {
            Decoder d = new Decoder();
            d.scratch();
        }
    }

    @OnlyInTestKit
    @HakmemSettings(detectUseAfterFree = Toggle.ON)
    public static class UseAfterFree {
        @Test
        void readAfterFreeThrows(HakmemArena arena) {
            MemorySegment s = arena.allocate(16);
            arena.free(s);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(true, e.getMessage().contains("closed"), e.getMessage());
        }

        @Test
        void freeingAnOldSegmentAfterReuseThrows(HakmemArena arena) {
            MemorySegment old = arena.allocate(32);
            arena.free(old);
            MemorySegment reused = arena.allocate(32);
            assertEquals(old.address(), reused.address());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> arena.free(old));
            assertEquals(true, e.getMessage().contains("double free"), e.getMessage());
            arena.free(reused);
        }
    }
}
