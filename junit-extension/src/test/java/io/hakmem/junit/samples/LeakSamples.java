package io.hakmem.junit.samples;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemExtension;
import io.hakmem.junit.HakmemSettings;
import io.hakmem.junit.LeakCheckMode;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests that free, leak, fail or both, for the extension's own tests to run and judge. */
public final class LeakSamples {

    /** The source line of the latest 24-byte allocation that a sample leaked. */
    public static volatile int leakLine;

    private LeakSamples() {}

    /**
     * {@return the line after the caller's} Called on the line before the allocation it records,
     * so that the two never share a line a formatter could split.
     */
    static int nextLine() {
        return StackWalker.getInstance()
                        .walk(s -> s.skip(1).findFirst())
                        .orElseThrow()
                        .getLineNumber()
                + 1;
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class Clean {
        @Test
        void freesWhatItAllocates(HakmemArena arena) {
            MemorySegment a = arena.allocate(24);
            MemorySegment b = arena.allocate(4096);
            arena.free(a);
            arena.free(b);
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class Leaking {
        @Test
        void leaks24Bytes(HakmemArena arena) {
            arena.free(arena.allocate(100));
            leakLine = nextLine();
            arena.allocate(24);
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class FailingAndLeaking {
        @Test
        void failsOnItsOwn(HakmemArena arena) {
            leakLine = nextLine();
            arena.allocate(24);
            throw new IllegalStateException("the test's own failure");
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @HakmemSettings(leakCheck = LeakCheckMode.WARN)
    public static class Warning {
        @Test
        void leaksButOnlyWarns(HakmemArena arena) {
            leakLine = nextLine();
            arena.allocate(24);
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class Unchecked {
        @Test
        @HakmemSettings(leakCheck = LeakCheckMode.OFF)
        void leaksUnchecked(HakmemArena arena) {
            arena.allocate(24);
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class ManyLeaks {
        /** 25 blocks of 8 bytes: the report lists 20 and summarises 5. */
        @Test
        void leaks25Blocks(HakmemArena arena) {
            for (int i = 0; i < 25; i++) {
                arena.allocate(8);
            }
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class LeakInBeforeAll {
        @BeforeAll
        static void setUp(HakmemArena classArena) {
            classArena.allocate(48);
        }

        @Test
        void passesItself() {
            // The class-level arena is checked when the class finishes.
        }
    }
}
