package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allocator's JFR events, recorded with {@link Recording} and read back from the file:
 * names, fields, and counts that match the arena's own statistics.
 */
class JfrEventsTest {

    private static final long SUPERSLAB = 2L << 20;
    private static final long SLAB = 64L << 10;
    private static final List<String> NAMES = List.of(
            "hakmem.SuperSlabMapped",
            "hakmem.SuperSlabReleased",
            "hakmem.SlabPurged",
            "hakmem.AllocationFailure",
            "hakmem.Trim",
            "hakmem.MagazineDrain");

    @TempDir
    Path dir;

    @Test
    void mappingTrimAndCloseAreRecordedWithAddressLifetimeAndReason() throws Exception {
        HakmemConfig config = HakmemConfig.builder()
                .magazineCapacity(0)
                .emptySuperSlabCacheSize(1)
                .build();
        long[] base = new long[2];
        long[] trimmedBytes = new long[1];
        long[] span = new long[2];
        HakmemStats[] afterTrim = new HakmemStats[1];
        List<RecordedEvent> events = record(() -> {
            try (HakmemArena arena = HakmemArena.create(config)) {
                span[0] = System.nanoTime();
                MemorySegment first = arena.allocate(16);
                base[0] = first.address() & -SUPERSLAB;
                arena.free(first);
                HakmemStats before = arena.stats();
                arena.trim();
                span[1] = System.nanoTime();
                afterTrim[0] = arena.stats();
                trimmedBytes[0] = before.mappedBytes()
                        - afterTrim[0].mappedBytes()
                        + (afterTrim[0].slabsPurged() - before.slabsPurged()) * SLAB;
                base[1] = arena.allocate(48).address() & -SUPERSLAB;
            }
        });

        List<RecordedEvent> mapped = named(events, "hakmem.SuperSlabMapped");
        assertThat(mapped).extracting(e -> e.getLong("address")).containsExactly(base[0], base[1]);
        assertThat(mapped).allSatisfy(e -> assertThat(e.getLong("size")).isEqualTo(SUPERSLAB));

        List<RecordedEvent> released = named(events, "hakmem.SuperSlabReleased");
        assertThat(released).extracting(e -> e.getLong("address")).containsExactly(base[0], base[1]);
        assertThat(released).extracting(e -> e.getString("reason")).containsExactly("TRIM", "CLOSE");
        long lifetime = released.get(0).getDuration("lifetime").toNanos();
        assertThat(lifetime).isPositive().isLessThanOrEqualTo(span[1] - span[0]);

        List<RecordedEvent> trims = named(events, "hakmem.Trim");
        assertThat(trims).hasSize(1);
        assertThat(trims.get(0).getLong("bytesReturned"))
                .isEqualTo(trimmedBytes[0])
                .isGreaterThanOrEqualTo(SUPERSLAB);
        assertThat(trims.get(0).getBoolean("background")).isFalse();
        assertThat(trims.get(0).getDuration().toNanos()).isPositive();

        // The SuperSlab was purged when it went to the empty cache, before trim unmapped it.
        List<RecordedEvent> purged = named(events, "hakmem.SlabPurged");
        assertThat(purged.stream().mapToLong(e -> e.getInt("slabs")).sum())
                .isEqualTo(afterTrim[0].slabsPurged())
                .isPositive();
        assertThat(purged).allSatisfy(e -> {
            assertThat(e.getLong("bytes")).isEqualTo(e.getInt("slabs") * SLAB);
            assertThat(e.getLong("address") & -SUPERSLAB).isEqualTo(base[0]);
        });
    }

    @Test
    void aSuperSlabEmptiedWithNoCacheIsReleasedAsEmpty() throws Exception {
        HakmemConfig config = HakmemConfig.builder()
                .magazineCapacity(0)
                .emptySuperSlabCacheSize(0)
                .purgeDelay(java.time.Duration.ZERO)
                .build();
        long[] base = new long[1];
        List<RecordedEvent> events = record(() -> {
            try (HakmemArena arena = HakmemArena.create(config)) {
                MemorySegment block = arena.allocate(100);
                base[0] = block.address() & -SUPERSLAB;
                arena.free(block);
                arena.free(arena.allocate(300 << 10));
                assertThat(arena.stats().superSlabsReleasedTotal()).isEqualTo(1);
            }
        });
        assertThat(named(events, "hakmem.SuperSlabReleased")).singleElement().satisfies(e -> {
            assertThat(e.getLong("address")).isEqualTo(base[0]);
            assertThat(e.getString("reason")).isEqualTo("EMPTY");
        });
    }

    @Test
    void allocationFailureNamesTheLimitAndTheMappingSize() throws Exception {
        HakmemConfig config = HakmemConfig.builder().maxMappedBytes(SUPERSLAB).build();
        List<RecordedEvent> events = record(() -> {
            try (HakmemArena arena = HakmemArena.create(config)) {
                assertThatThrownBy(() -> arena.allocate(3L << 20)).isInstanceOf(OutOfMemoryError.class);
                assertThat(arena.stats().allocFailures()).isEqualTo(1);
            }
        });
        assertThat(named(events, "hakmem.AllocationFailure")).singleElement().satisfies(e -> {
            assertThat(e.getString("reason")).isEqualTo("LIMIT");
            assertThat(e.getString("message")).contains("maxMappedBytes=" + SUPERSLAB);
            assertThat(e.getLong("mappingBytes")).isEqualTo(3L << 20);
        });
    }

    @Test
    void trimDrainsOtherThreadsMagazinesAndSaysWhose() throws Exception {
        CountDownLatch filled = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        long[] cached = new long[4];
        List<RecordedEvent> events = record(() -> {
            try (HakmemArena arena = HakmemArena.create(
                    HakmemConfig.builder().magazineCapacity(64).build())) {
                churn(arena, 3); // the test thread's own cache: drained by trim too, but no event
                cached[0] = arena.stats().magazineBlocks();
                Thread idle = Thread.ofPlatform().name("hakmem-idle-owner").start(() -> {
                    churn(arena, 10);
                    filled.countDown();
                    await(done);
                });
                await(filled);
                cached[1] = arena.stats().magazineBlocks() - cached[0];
                join(Thread.ofPlatform().name("hakmem-dead-owner").start(() -> churn(arena, 7)));
                cached[2] = arena.stats().magazineBlocks() - cached[0] - cached[1];
                arena.trim();
                cached[3] = arena.stats().magazineBlocks();
                done.countDown();
                join(idle);
            }
        });
        assertThat(cached[1]).as("blocks cached by the idle thread").isPositive();
        assertThat(cached[2]).as("blocks cached by the dead thread").isPositive();
        assertThat(cached[3]).as("blocks cached after trim").isZero();
        List<RecordedEvent> drains = named(events, "hakmem.MagazineDrain");
        assertThat(drains)
                .extracting(e -> e.getString("ownerThread"), e -> e.getLong("blocks"), e -> e.getString("reason"))
                .containsExactlyInAnyOrder(
                        tuple("hakmem-dead-owner", cached[2], "DEAD_THREAD"),
                        tuple("hakmem-idle-owner", cached[1], "TRIM"));
        assertThat(named(events, "hakmem.Trim"))
                .singleElement()
                .satisfies(e -> assertThat(e.getLong("blocksRevoked")).isEqualTo(cached[0] + cached[1] + cached[2]));
    }

    @Test
    void scalingWorkloadMapAndReleaseEventsMatchTheCounters() throws Exception {
        HakmemStats[] stats = new HakmemStats[1];
        List<RecordedEvent> events = record(() -> {
            // Defaults, with the background trimmer pinned off: it would release on its own thread.
            HakmemConfig config =
                    HakmemConfig.builder().backgroundTrimInterval(Duration.ZERO).build();
            try (HakmemArena arena = HakmemArena.create(config)) {
                MemorySegment[] blocks = new MemorySegment[1_000_000];
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = arena.allocate(16);
                }
                for (MemorySegment block : blocks) {
                    arena.free(block);
                }
                arena.trim();
                stats[0] = arena.stats();
            }
        });
        HakmemStats s = stats[0];
        assertThat(s.superSlabsMappedTotal())
                .as("1M x 16 B needs more than 7 SuperSlabs")
                .isGreaterThan(7);
        assertThat(named(events, "hakmem.SuperSlabMapped")).hasSize((int) s.superSlabsMappedTotal());
        assertThat(named(events, "hakmem.SuperSlabReleased")).hasSize((int) s.superSlabsReleasedTotal());
        assertThat(s.superSlabsReleasedTotal()).isEqualTo(s.superSlabsMappedTotal());
    }

    /** Allocates {@code n} 16-byte blocks and frees them, leaving them in the caller's magazine. */
    private static void churn(HakmemArena arena, int n) {
        List<MemorySegment> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocks.add(arena.allocate(16));
        }
        blocks.forEach(arena::free);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code action} under a recording of every hakmem event; returns those of this thread. */
    private List<RecordedEvent> record(Runnable action) throws IOException {
        Path file = dir.resolve("hakmem.jfr");
        String me = Thread.currentThread().getName();
        try (Recording recording = new Recording()) {
            NAMES.forEach(recording::enable);
            recording.start();
            action.run();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getThread() != null && me.equals(e.getThread().getJavaName()))
                .toList();
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }
}
