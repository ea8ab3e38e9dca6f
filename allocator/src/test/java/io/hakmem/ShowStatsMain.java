package io.hakmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The program {@link ShowStatsTest} runs in a JVM of its own: one arena left open at exit with
 * 100 x 16 B, 10 x 2 KiB and one 1 MiB block, and one arena closed before exit.
 */
public final class ShowStatsMain {

    private ShowStatsMain() {}

    public static void main(String[] args) {
        HakmemArena open =
                HakmemArena.create(HakmemConfig.builder().name("kept-open").build());
        // Written, so that their pages are resident and the table's resident column is not all zero.
        for (int i = 0; i < 100; i++) {
            open.allocate(16).set(ValueLayout.JAVA_LONG, 0, i);
        }
        for (int i = 0; i < 10; i++) {
            open.allocate(2048).fill((byte) i);
        }
        open.allocate(1L << 20).set(ValueLayout.JAVA_LONG, 0, 1L);
        try (HakmemArena closed =
                HakmemArena.create(HakmemConfig.builder().name("closed-early").build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                blocks.add(closed.allocate(48));
            }
            closed.free(blocks.get(0));
            closed.free(blocks.get(1));
        }
        System.out.println("done");
    }
}
