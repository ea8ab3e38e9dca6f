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
}
