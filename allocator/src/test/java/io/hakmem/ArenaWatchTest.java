package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.watch.ArenaWatch;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The registry of open arenas and the listener every HakmemArena reports to. */
@Isolated // one listener per process
class ArenaWatchTest {

    /** The address the pairing listener last heard allocated, per thread. */
    private static final ThreadLocal<long[]> LAST_HEARD = ThreadLocal.withInitial(() -> new long[1]);

    @Test
    void theSuperSlabMapSaysWhetherAnOpenHeapMapsAnAddress() {
        HakmemArena arena = HakmemArena.create();
        long base;
        try {
            MemorySegment block = arena.allocate(24);
            base = arena.mappedRanges().get(0).address();
            assertThat(ArenaWatch.describeSuperSlabAt(block.address()))
                    .isEqualTo("a SuperSlab of an open hakmem heap is mapped there, at 0x" + Long.toHexString(base));
        } finally {
            arena.close();
        }
        assertThat(ArenaWatch.describeSuperSlabAt(base)).isEqualTo("no hakmem SuperSlab is mapped there");
    }

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
     * compiled before it, and removing it must silence that code again. The switch stays on once
     * thrown, so the listener alone decides from then on.
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
            assertThat(ArenaWatch.watching()).isTrue();
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

    /**
     * Listeners come and go while threads allocate and free: the threads must keep every block's
     * contents and balance their books; no listener may hear a block freed twice without hearing
     * it allocated in between, nor miss an allocation it was installed all through. Before the
     * watching switch stayed on, the JVM's window between storing a call site's target and
     * deoptimizing the code that folded the old one broke both, at every install.
     */
    @Test
    void listenersComingAndGoingWhileThreadsChurnLoseNoBlockAndNoContent() throws Exception {
        // A PORTABLE arena's code compiled first is what made the switch's old window show.
        try (HakmemArena portable = HakmemArena.create(
                HakmemConfig.builder().osBackend(OsBackend.PORTABLE).build())) {
            portable.free(portable.allocate(24));
        }
        try (HakmemArena arena = HakmemArena.create()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong damaged = new AtomicLong();
            AtomicLong pairs = new AtomicLong();
            AtomicLong heardFreedTwice = new AtomicLong();
            AtomicLong heard = new AtomicLong();
            AtomicLong missed = new AtomicLong();
            ArenaWatch.Listener previous = ArenaWatch.listener();
            List<Thread> churners = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long tag = (t + 1L) << 40;
                Thread churner = new Thread(() -> {
                    MemorySegment[] held = new MemorySegment[64];
                    long n = 0;
                    long[] lastHeard = LAST_HEARD.get();
                    while (!stop.get()) {
                        for (int i = 0; i < held.length; i++, n++) {
                            ArenaWatch.Listener before = ArenaWatch.listener();
                            held[i] = arena.allocate(16 + (i & 3) * 8);
                            // A listener there before the call and after it must have heard it.
                            if (before != null
                                    && before != previous
                                    && before == ArenaWatch.listener()
                                    && lastHeard[0] != held[i].address()) {
                                missed.incrementAndGet();
                            }
                            held[i].set(ValueLayout.JAVA_LONG, 0, tag | n);
                        }
                        for (int i = held.length - 1; i >= 0; i--) {
                            if (held[i].get(ValueLayout.JAVA_LONG, 0) != (tag | (n - held.length + i))) {
                                damaged.incrementAndGet();
                            }
                            arena.free(held[i]);
                        }
                        pairs.addAndGet(held.length);
                    }
                });
                churners.add(churner);
                churner.start();
            }
            try {
                for (int round = 0; round < 200; round++) {
                    ArenaWatch.install(round % 2 == 0 ? pairing(arena, heard, heardFreedTwice) : previous);
                    Thread.sleep(1);
                }
            } finally {
                ArenaWatch.install(previous);
                stop.set(true);
                for (Thread churner : churners) {
                    churner.join();
                }
            }
            assertThat(damaged).hasValue(0);
            assertThat(heardFreedTwice).hasValue(0);
            assertThat(missed).hasValue(0);
            assertThat(heard.get()).isPositive();
            assertThat(pairs.get()).isPositive();
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    /**
     * A listener that pairs what it hears: a block it heard freed must be heard allocated before
     * it is heard freed again. Blocks allocated before it came are freed unheard-of, which is fine.
     */
    private static ArenaWatch.Listener pairing(HakmemArena arena, AtomicLong heard, AtomicLong heardFreedTwice) {
        Map<Long, Boolean> live = new ConcurrentHashMap<>();
        return new ArenaWatch.Listener() {
            @Override
            public void allocated(Arena a, MemorySegment segment) {
                if (a == arena) {
                    live.put(segment.address(), Boolean.TRUE);
                    LAST_HEARD.get()[0] = segment.address();
                    heard.incrementAndGet();
                }
            }

            @Override
            public void freeing(Arena a, MemorySegment segment) {
                if (a == arena && live.replace(segment.address(), Boolean.FALSE) == Boolean.FALSE) {
                    heardFreedTwice.incrementAndGet();
                }
            }
        };
    }
}
