package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.watch.ArenaWatch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The registry of open arenas and the listener every HakmemArena reports to. */
@Isolated // one listener per process
class ArenaWatchTest {

    @Test
    void listsOpenArenasWithTheirCreationSite() {
        HakmemArena arena = HakmemArena.create();
        try {
            assertThat(ArenaWatch.openArenas(HakmemArena.class)).contains(arena);
            ArenaWatch.Origin origin = ArenaWatch.origin(arena);
            assertThat(origin).isNotNull();
            assertThat(origin.where()).startsWith("io.hakmem.ArenaWatchTest.listsOpenArenasWithTheirCreationSite(");
            assertThat(origin.threadName()).isEqualTo(Thread.currentThread().getName());
            assertThat(ArenaWatch.origin(HakmemArena.global()))
                    .extracting(ArenaWatch.Origin::where)
                    .isEqualTo("io.hakmem.HakmemArena.global(Unknown Source)");
        } finally {
            arena.close();
        }
        assertThat(ArenaWatch.openArenas(HakmemArena.class)).doesNotContain(arena);
        assertThat(ArenaWatch.origin(arena)).isNull();
    }

    @Test
    void theListenerHearsEveryArenaInOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        Thread me = Thread.currentThread();
        ArenaWatch.Listener listener = new ArenaWatch.Listener() {
            @Override
            public void arenaCreated(Arena arena) {
                if (Thread.currentThread() == me) {
                    events.add("created");
                }
            }

            @Override
            public void allocated(Arena arena, MemorySegment segment) {
                if (Thread.currentThread() == me) {
                    events.add("allocated " + segment.byteSize());
                }
            }

            @Override
            public void freeing(Arena arena, MemorySegment segment) {
                if (Thread.currentThread() == me) {
                    events.add("freeing " + segment.byteSize());
                }
            }

            @Override
            public void arenaClosed(Arena arena) {
                if (Thread.currentThread() == me) {
                    events.add("closed");
                }
            }
        };
        HakmemArena global = HakmemArena.global(); // created before listening, as in a test run
        ArenaWatch.Listener previous = ArenaWatch.install(listener);
        try {
            try (HakmemArena arena = HakmemArena.create(
                    HakmemConfig.builder().detectUseAfterFree(true).build())) {
                MemorySegment a = arena.allocate(24);
                MemorySegment b = arena.allocate(5000, 64);
                arena.free(a);
                arena.free(b);
            }
            MemorySegment g = global.allocate(40);
            global.free(g);
        } finally {
            ArenaWatch.install(previous);
        }
        assertThat(events)
                .containsExactly(
                        "created",
                        "allocated 24",
                        "allocated 5000",
                        "freeing 24",
                        "freeing 5000",
                        "closed",
                        "allocated 40",
                        "freeing 40");
    }
    /**
     * The fast paths fold "no listener" into their compiled code; installing one must reach code
     * compiled before it, and removing it must silence that code again.
     */
    @Test
    void aListenerInstalledAfterTheFastPathsWereCompiledIsHeardAndThenForgotten() {
        try (HakmemArena arena = HakmemArena.create()) {
            Thread me = Thread.currentThread();
            long[] heard = new long[2];
            ArenaWatch.Listener counting = new ArenaWatch.Listener() {
                @Override
                public void allocated(Arena a, MemorySegment segment) {
                    if (a == arena && Thread.currentThread() == me) {
                        heard[0]++;
                    }
                }

                @Override
                public void freeing(Arena a, MemorySegment segment) {
                    if (a == arena && Thread.currentThread() == me) {
                        heard[1]++;
                    }
                }
            };
            assertThat(churn(arena, 200_000)).isEqualTo(200_000L * 7);
            ArenaWatch.Listener previous = ArenaWatch.install(counting);
            try {
                assertThat(ArenaWatch.watching()).isTrue();
                assertThat(churn(arena, 1000)).isEqualTo(1000L * 7);
            } finally {
                ArenaWatch.install(previous);
            }
            assertThat(heard).containsExactly(1000, 1000);
            assertThat(ArenaWatch.watching()).isEqualTo(previous != null);
            churn(arena, 1000);
            assertThat(heard).containsExactly(1000, 1000);
        }
    }

    /** Allocates, writes, reads and frees {@code pairs} blocks of 16 B; returns the sum read. */
    private static long churn(HakmemArena arena, int pairs) {
        long sum = 0;
        for (int i = 0; i < pairs; i++) {
            MemorySegment block = arena.allocate(16);
            block.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, 7);
            sum += block.get(java.lang.foreign.ValueLayout.JAVA_LONG, 8);
            arena.free(block);
        }
        return sum;
    }
}
