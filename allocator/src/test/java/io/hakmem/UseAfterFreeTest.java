package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HakmemConfig.Builder#detectUseAfterFree(boolean)}: every stale access and stale free throws. */
class UseAfterFreeTest {

    private static HakmemArena guarded(int magazineCapacity) {
        return HakmemArena.create(HakmemConfig.builder()
                .detectUseAfterFree(true)
                .magazineCapacity(magazineCapacity)
                .build());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64})
    void readAndWriteAfterFreeThrowAtTheAccess(int magazineCapacity) {
        try (HakmemArena arena = guarded(magazineCapacity)) {
            MemorySegment s = arena.allocate(24);
            s.set(ValueLayout.JAVA_LONG, 8, 42L);
            MemorySegment slice = s.asSlice(8, 8);
            assertThat(slice.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42L);
            arena.free(s);

            assertThatThrownBy(() -> s.get(ValueLayout.JAVA_LONG, 8))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> s.set(ValueLayout.JAVA_BYTE, 0, (byte) 1))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> slice.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64})
    void freeingAnOldSegmentAfterItsAddressWasReusedIsADoubleFree(int magazineCapacity) {
        try (HakmemArena arena = guarded(magazineCapacity)) {
            MemorySegment old = arena.allocate(32);
            arena.free(old);
            MemorySegment reused = arena.allocate(32);
            assertThat(reused.address()).as("the block is reused at once").isEqualTo(old.address());
            reused.set(ValueLayout.JAVA_INT, 0, 7);

            assertThatThrownBy(() -> arena.free(old))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free of segment 0x" + Long.toHexString(old.address()))
                    .hasMessageContaining("now belongs to a newer block");
            assertThat(reused.get(ValueLayout.JAVA_INT, 0))
                    .as("the new owner's block is untouched")
                    .isEqualTo(7);
            assertThat(arena.stats().liveBlocks()).isEqualTo(1);
            arena.free(reused);
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void aPlainDoubleFreeNamesTheSegment() {
        try (HakmemArena arena = guarded(0)) {
            MemorySegment s = arena.allocate(8);
            arena.free(s);
            assertThatThrownBy(() -> arena.free(s))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("double free of segment 0x" + Long.toHexString(s.address())
                            + ": this segment was freed before");
        }
    }

    @Test
    void largeBlocksAreGuardedToo() {
        try (HakmemArena arena = guarded(0)) {
            MemorySegment big = arena.allocate(1 << 20);
            big.set(ValueLayout.JAVA_BYTE, (1 << 20) - 1, (byte) 5);
            arena.free(big);
            assertThatThrownBy(() -> big.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            assertThat(arena.stats().largeMappings()).isZero();
        }
    }

    @Test
    void closeEndsEveryLiveView() {
        HakmemArena arena = guarded(64);
        MemorySegment s = arena.allocate(16);
        arena.close();
        assertThatThrownBy(() -> s.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arena.free(s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this HakmemArena is closed");
    }

    /** Four threads allocate, fill, check and free; a freed view never sees another thread's bytes. */
    @Test
    void threadsKeepTheirOwnContentsAndStaleViewsAllThrow() throws Exception {
        try (HakmemArena arena = guarded(64)) {
            int threads = 4;
            int rounds = 300;
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte mark = (byte) (t + 1);
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < rounds; i++) {
                            MemorySegment s = arena.allocate(48);
                            s.fill(mark);
                            Thread.onSpinWait();
                            for (long off = 0; off < 48; off++) {
                                if (s.get(ValueLayout.JAVA_BYTE, off) != mark) {
                                    problems.add("thread " + mark + " saw " + s.get(ValueLayout.JAVA_BYTE, off));
                                }
                            }
                            arena.free(s);
                            try {
                                s.get(ValueLayout.JAVA_BYTE, 0);
                                problems.add("stale read did not throw");
                            } catch (IllegalStateException expected) {
                                // the view is dead
                            }
                        }
                    } catch (Throwable e) {
                        problems.add(e.toString());
                    }
                });
                workers.add(w);
                w.start();
            }
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
            assertThat(problems).isEmpty();
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }
}
