package io.hakmem.junit.samples;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemExtension;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests that close the arena the extension gave them. */
public final class SelfClosingSamples {

    private SelfClosingSamples() {}

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class ClosesClean {
        @Test
        void closesAfterFreeing(HakmemArena arena) {
            arena.free(arena.allocate(24));
            arena.close();
        }
    }

    /** close() unmaps every block, so the blocks still live at close are not a leak. */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class ClosesWithLiveBlocks {
        MemorySegment setUpBlock;

        @BeforeEach
        void setUp(HakmemArena arena) {
            setUpBlock = arena.allocate(1 << 20);
        }

        @Test
        void closesWithoutFreeing(HakmemArena arena) {
            arena.allocate(24);
            arena.allocate(3L << 20);
            arena.close();
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class ClosesInAfterEach {
        @Test
        void leavesABlock(HakmemArena arena) {
            arena.allocate(24);
        }

        @AfterEach
        void tearDown(HakmemArena arena) {
            arena.close();
        }
    }
}
