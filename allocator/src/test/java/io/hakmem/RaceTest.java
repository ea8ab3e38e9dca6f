package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Races a user can start by mistake or by design: none may give one block two owners. */
class RaceTest {

    @Test
    void twoThreadsFreeingOneBlockAtOnceNeverGiveItTwoOwnersAndEveryRaceIsReported() throws Exception {
        int trials = 200_000;
        try (HakmemArena arena = HakmemArena.create()) {
            AtomicReference<MemorySegment> shared = new AtomicReference<>();
            AtomicInteger phase = new AtomicInteger();
            AtomicLong remoteAccepted = new AtomicLong();
            AtomicLong remoteRefused = new AtomicLong();
            Thread remote = new Thread(
                    () -> {
                        for (int i = 0; i < trials; i++) {
                            while (phase.get() != 2 * i + 1) {
                                Thread.onSpinWait();
                            }
                            try {
                                arena.free(shared.get());
                                remoteAccepted.incrementAndGet();
                            } catch (IllegalStateException e) {
                                assertThat(e).hasMessageContaining("double free");
                                remoteRefused.incrementAndGet();
                            }
                            phase.incrementAndGet();
                        }
                    },
                    "remote-freer");
            remote.start();
            long ownerAccepted = 0;
            long bothAccepted = 0;
            for (int i = 0; i < trials; i++) {
                MemorySegment block = arena.allocate(16);
                shared.set(block);
                long remoteBefore = remoteAccepted.get();
                phase.incrementAndGet();
                boolean accepted;
                try {
                    arena.free(block);
                    accepted = true;
                } catch (IllegalStateException e) {
                    assertThat(e).hasMessageContaining("double free");
                    accepted = false;
                }
                while (phase.get() != 2 * i + 2) {
                    Thread.onSpinWait();
                }
                if (accepted) {
                    ownerAccepted++;
                    if (remoteAccepted.get() > remoteBefore) {
                        bothAccepted++;
                    }
                }
            }
            remote.join();
            assertThat(ownerAccepted + remoteAccepted.get() - bothAccepted)
                    .as("one free per trial wins")
                    .isEqualTo(trials);
            assertThat(remoteAccepted.get() + remoteRefused.get()).isEqualTo(trials);

            // Every block must have one place: handing out many blocks never repeats a live one.
            List<MemorySegment> live = new ArrayList<>();
            Set<Long> addresses = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                MemorySegment s = arena.allocate(16);
                live.add(s);
                assertThat(addresses.add(s.address()))
                        .as("address handed out twice")
                        .isTrue();
            }
            live.forEach(arena::free);
            arena.trim();
            System.out.printf(
                    "racing double frees, %d trials: %d accepted twice, %d detected%n",
                    trials, bothAccepted, arena.stats().doubleFreesDetected());
            assertThat(arena.stats().doubleFreesDetected())
                    .as("every race reported")
                    .isEqualTo(bothAccepted);
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void closeRacingAnAllocationOnTheLockedPathThrowsOnlyIllegalStateException() throws Exception {
        HakmemConfig config = HakmemConfig.builder().magazineCapacity(0).build();
        ConcurrentLinkedQueue<Throwable> wrong = new ConcurrentLinkedQueue<>();
        AtomicLong closedSeen = new AtomicLong();
        for (int trial = 0; trial < 3_000; trial++) {
            HakmemArena arena = HakmemArena.create(config);
            AtomicBoolean go = new AtomicBoolean();
            int size = trial % 2 == 0 ? 48 : 4000;
            Thread user = new Thread(() -> {
                while (!go.get()) {
                    Thread.onSpinWait();
                }
                try {
                    for (int i = 0; i < 10_000; i++) {
                        MemorySegment s = arena.allocate(size);
                        s.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
                        arena.free(s);
                    }
                } catch (IllegalStateException e) {
                    if (e.getMessage().contains("HakmemArena") && e.getMessage().contains("closed")) {
                        closedSeen.incrementAndGet();
                    } else if (!e.getMessage().equals("Already closed")) {
                        wrong.add(e);
                    } else {
                        // The user's own access to its segment after close: the JDK's message is right there.
                        closedSeen.incrementAndGet();
                    }
                } catch (Throwable t) {
                    wrong.add(t);
                }
            });
            user.start();
            go.set(true);
            for (int spin = trial % 200; spin > 0; spin--) {
                Thread.onSpinWait();
            }
            arena.close();
            user.join();
        }
        assertThat(wrong)
                .as("anything but IllegalStateException naming the closed arena")
                .isEmpty();
        assertThat(closedSeen.get()).isPositive();
    }

    @Test
    void revokingBusyOwnersNeverLeavesALiveBlockInACache() throws Exception {
        try (HakmemArena arena = HakmemArena.create()) {
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicLong corrupted = new AtomicLong();
            List<Thread> owners = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long tag = t + 1;
                owners.add(new Thread(
                        () -> {
                            try {
                                MemorySegment[] held = new MemorySegment[32];
                                for (long i = 0; !stop.get(); i++) {
                                    int k = (int) (i & 31);
                                    if (held[k] != null) {
                                        if (held[k].get(ValueLayout.JAVA_LONG, 0) != (tag << 32 | k)) {
                                            corrupted.incrementAndGet();
                                        }
                                        arena.free(held[k]);
                                    }
                                    held[k] = arena.allocate(16 + (i % 5) * 24);
                                    held[k].set(ValueLayout.JAVA_LONG, 0, (tag << 32) | k);
                                }
                                for (MemorySegment s : held) {
                                    if (s != null) {
                                        arena.free(s);
                                    }
                                }
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        },
                        "owner-" + t));
            }
            owners.forEach(Thread::start);
            long deadline = System.nanoTime() + 2_000_000_000L;
            int revocations = 0;
            while (System.nanoTime() < deadline) {
                arena.revokeEveryCache();
                revocations++;
            }
            stop.set(true);
            for (Thread t : owners) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(corrupted.get()).isZero();
            assertThat(revocations).isGreaterThan(100);
            assertThat(arena.stats().liveBlocks()).isZero();
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }
}
