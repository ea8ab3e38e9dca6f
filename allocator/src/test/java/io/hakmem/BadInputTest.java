package io.hakmem;

import static io.hakmem.ArenaAssertions.assertLive;
import static io.hakmem.ArenaAssertions.assertStillWorks;
import static io.hakmem.ArenaAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input table, row by row: each bad call gets its exception with the offending
 * value in the message, and the arena's counters and service are unchanged afterwards.
 */
class BadInputTest {

    private static final long LARGE = 300 * 1024;

    private static HakmemArena arena(int magazineCapacity) {
        return HakmemArena.create(
                HakmemConfig.builder().magazineCapacity(magazineCapacity).build());
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -4096, Long.MIN_VALUE})
    void negativeSizeIsRejectedWithTheSize(long size) {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment keep = arena.allocate(24);
            assertThatThrownBy(() -> arena.allocate(size, 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative")
                    .hasMessageContaining(Long.toString(size));
            assertThatThrownBy(() -> arena.allocate(size))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Long.toString(size));
            assertLive(arena, 1, 24);
            assertThat(arena.stats().allocFailures()).isZero();
            assertStillWorks(arena);
            arena.free(keep);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 3, -8, 6, 4097, 24576, Long.MIN_VALUE})
    void alignmentThatIsNotAPowerOfTwoIsRejectedWithTheAlignment(long alignment) {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment keep = arena.allocate(24);
            for (long size : new long[] {0, 16, LARGE}) {
                assertThatThrownBy(() -> arena.allocate(size, alignment))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("power of two")
                        .hasMessageContaining(Long.toString(alignment));
            }
            assertLive(arena, 1, 24);
            assertStillWorks(arena);
            arena.free(keep);
        }
    }

    @Test
    void freeOfAnotherHakmemArenasSegmentIsRejectedAndLeavesBothArenasIntact() {
        try (HakmemArena arena = HakmemArena.create();
                HakmemArena other = HakmemArena.create()) {
            MemorySegment mine = arena.allocate(32);
            MemorySegment small = other.allocate(32);
            MemorySegment medium = other.allocate(5000);
            MemorySegment large = other.allocate(LARGE);
            small.set(ValueLayout.JAVA_INT, 0, 7);
            assertThatThrownBy(() -> arena.free(small))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(small))
                    .hasMessageContaining("another HakmemArena");
            assertThatThrownBy(() -> arena.free(medium))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(medium))
                    .hasMessageContaining("another HakmemArena");
            assertThatThrownBy(() -> arena.free(large))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(large));
            assertLive(arena, 1, 32);
            assertLive(other, 3, 32 + 5000 + LARGE);
            assertThat(small.get(ValueLayout.JAVA_INT, 0)).isEqualTo(7);
            other.free(small);
            other.free(medium);
            other.free(large);
            assertLive(other, 0, 0);
            assertStillWorks(arena);
            arena.free(mine);
            assertLive(arena, 0, 0);
        }
    }

    @Test
    void freeOfJdkArenaAndHeapSegmentsIsRejected() {
        try (HakmemArena arena = HakmemArena.create();
                Arena confined = Arena.ofConfined()) {
            MemorySegment keep = arena.allocate(40);
            MemorySegment jdk = confined.allocate(32);
            assertThatThrownBy(() -> arena.free(jdk))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(jdk))
                    .hasMessageContaining("not allocated by this arena");
            MemorySegment heap = MemorySegment.ofArray(new byte[32]);
            assertThatThrownBy(() -> arena.free(heap))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("heap segment");
            assertThatThrownBy(() -> arena.free(MemorySegment.NULL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0x0");
            assertThat(jdk.scope().isAlive()).isTrue();
            assertLive(arena, 1, 40);
            assertStillWorks(arena);
            arena.free(keep);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void freeOfAnInteriorAddressIsRejectedAndTheBlockStaysLive(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            MemorySegment block = arena.allocate(32);
            MemorySegment interior = block.asSlice(8);
            assertThatThrownBy(() -> arena.free(interior))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(interior))
                    .hasMessageContaining("inside a block");
            MemorySegment medium = arena.allocate(5000);
            MemorySegment mediumInterior = medium.asSlice(1024);
            assertThatThrownBy(() -> arena.free(mediumInterior))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(mediumInterior));
            MemorySegment large = arena.allocate(LARGE);
            MemorySegment largeInterior = large.asSlice(4096);
            assertThatThrownBy(() -> arena.free(largeInterior))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(largeInterior));
            assertLive(arena, 3, 32 + 5000 + LARGE);
            assertStillWorks(arena);
            arena.free(block);
            arena.free(medium);
            arena.free(large);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void freeOfARawAliasOfALiveBlockIsRejectedAsNotHandedOutAndTheBlockStaysLive(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            MemorySegment block = arena.allocate(32);
            for (MemorySegment alias : List.of(
                    MemorySegment.ofAddress(block.address()),
                    MemorySegment.ofAddress(block.address()).reinterpret(32))) {
                assertThatThrownBy(() -> arena.free(alias))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(hex(block))
                        .hasMessageContaining("not a segment it handed out");
            }
            assertLive(arena, 1, 32);
            arena.free(block);
            assertLive(arena, 0, 0);
        }
    }

    @Test
    void doubleFreeOfAStaleSegmentWhoseSuperSlabWasMappedAgainIsRejected() {
        try (HakmemArena arena = arena(0)) {
            MemorySegment block = arena.allocate(32);
            arena.free(block);
            arena.trim();
            assertThat(arena.stats().superSlabsLive()).isZero();
            // The next SuperSlab often lands at the same address; either way the stale free fails.
            MemorySegment next = arena.allocate(32);
            assertThat(catchThrowable(() -> arena.free(block)))
                    .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class)
                    .hasMessageContaining(hex(block));
            assertLive(arena, 1, 32);
            arena.free(next);
        }
    }

    @Test
    void freeOfASegmentWidenedPastItsBlockIsRejected() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment block = arena.allocate(32);
            MemorySegment widened = block.reinterpret(4096);
            assertThatThrownBy(() -> arena.free(widened))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(hex(block))
                    .hasMessageContaining("4096");
            assertLive(arena, 1, 32);
            arena.free(block);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void doubleFreeIsRejectedForEverySizeTier(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            MemorySegment keep = arena.allocate(32);
            for (long size : new long[] {32, 5000, LARGE}) {
                MemorySegment block = arena.allocate(size);
                arena.free(block);
                Throwable second = catchThrowable(() -> arena.free(block));
                assertThat(second)
                        .as("second free of %d B", size)
                        .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class)
                        .hasMessageContaining(hex(block));
                assertLive(arena, 1, 32);
            }
            assertStillWorks(arena);
            arena.free(keep);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void doubleFreeIsNamedAsSuch(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            MemorySegment block = arena.allocate(32);
            arena.free(block);
            assertThatThrownBy(() -> arena.free(block))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free")
                    .hasMessageContaining(hex(block));
            assertLive(arena, 0, 0);
            // The block went back exactly once: it is handed out again, once.
            MemorySegment again = arena.allocate(32);
            MemorySegment next = arena.allocate(32);
            assertThat(again.address()).isEqualTo(block.address());
            assertThat(next.address()).isNotEqualTo(block.address());
            arena.free(again);
            arena.free(next);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void doubleFreeAfterTheSlabWasTrimmedIsRejected(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            MemorySegment keep = arena.allocate(5000);
            MemorySegment block = arena.allocate(32);
            arena.free(block);
            arena.trim();
            assertThat(catchThrowable(() -> arena.free(block)))
                    .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class)
                    .hasMessageContaining(hex(block));
            assertLive(arena, 1, 5000);
            assertStillWorks(arena);
            arena.free(keep);
        }
    }

    @Test
    void everyOperationAfterCloseThrowsIllegalStateException() {
        HakmemArena arena = HakmemArena.create();
        MemorySegment small = arena.allocate(32);
        MemorySegment medium = arena.allocate(5000);
        MemorySegment large = arena.allocate(LARGE);
        small.set(ValueLayout.JAVA_LONG, 0, 1);
        arena.close();

        assertThat(arena.isClosed()).isTrue();
        assertThat(arena.scope().isAlive()).isFalse();
        for (MemorySegment stale : List.of(small, medium, large)) {
            assertThat(stale.scope().isAlive()).isFalse();
            assertThatThrownBy(() -> stale.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> stale.set(ValueLayout.JAVA_LONG, 0, 2)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> arena.free(stale))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> arena.allocate(32))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> arena.allocate(LARGE, 8192))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(arena::trim).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(arena::close).isInstanceOf(IllegalStateException.class);
        HakmemStats stats = arena.stats();
        assertThat(stats.mappedBytes()).isZero();
        assertThat(stats.superSlabsLive()).isZero();
        assertThat(stats.largeMappings()).isZero();
        assertThat(stats.superSlabsReleasedTotal()).isEqualTo(stats.superSlabsMappedTotal());
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void accessThroughAStaleSegmentAfterFreeAllAndTrimThrows(int magazineCapacity) {
        try (HakmemArena arena = arena(magazineCapacity)) {
            List<MemorySegment> stale = new ArrayList<>();
            for (long size : new long[] {8, 32, 1000, 5000, 70_000, LARGE}) {
                MemorySegment block = arena.allocate(size);
                block.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
                stale.add(block);
            }
            stale.forEach(arena::free);
            arena.trim();
            HakmemStats trimmed = arena.stats();
            assertThat(trimmed.superSlabsLive()).isZero();
            assertThat(trimmed.mappedBytes()).isZero();
            for (MemorySegment block : stale) {
                assertThat(block.scope().isAlive()).as("scope of %s", block).isFalse();
                assertThatThrownBy(() -> block.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> block.fill((byte) 3)).isInstanceOf(IllegalStateException.class);
            }
            assertStillWorks(arena);
        }
    }

    @Test
    void goingOverMaxMappedBytesFailsNamingTheLimitAndRecoversAfterFrees() {
        long limit = 4L << 20;
        try (HakmemArena arena =
                HakmemArena.create(HakmemConfig.builder().maxMappedBytes(limit).build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            OutOfMemoryError failure = fillUntilOutOfMemory(arena, blocks, 64 * 1024);
            // 64 KiB blocks fill whole slabs: exactly two SuperSlabs' worth fit under 4 MiB.
            assertThat(blocks).hasSize(64);
            assertThat(failure).hasMessageContaining("maxMappedBytes").hasMessageContaining(Long.toString(limit));
            assertThat(arena.stats().allocFailures()).isEqualTo(1);
            assertThat(arena.stats().mappedBytes()).isEqualTo(limit);
            assertLive(arena, 64, 64L * 64 * 1024);
            assertThatThrownBy(() -> arena.allocate(LARGE))
                    .isInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining("maxMappedBytes")
                    .hasMessageContaining(Long.toString(limit));
            assertThat(arena.stats().allocFailures()).isEqualTo(2);
            assertLive(arena, 64, 64L * 64 * 1024);

            arena.free(blocks.remove(0));
            arena.free(blocks.remove(0));
            MemorySegment a = arena.allocate(64 * 1024);
            MemorySegment b = arena.allocate(64 * 1024);
            a.set(ValueLayout.JAVA_LONG, 65528, 5);
            assertThat(a.get(ValueLayout.JAVA_LONG, 65528)).isEqualTo(5);
            blocks.add(a);
            blocks.add(b);
            assertThat(arena.stats().allocFailures()).isEqualTo(2);
            assertLive(arena, 64, 64L * 64 * 1024);
            blocks.forEach(arena::free);
            assertLive(arena, 0, 0);
            assertStillWorks(arena);
        }
    }

    @Test
    void tinyBlocksThroughMagazinesStopExactlyAtTheLimit() {
        long limit = 4L << 20;
        try (HakmemArena arena =
                HakmemArena.create(HakmemConfig.builder().maxMappedBytes(limit).build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            OutOfMemoryError failure = fillUntilOutOfMemory(arena, blocks, 1024);
            // 64 blocks of 1 KiB per slab, 32 slabs per SuperSlab, two SuperSlabs: no block lost
            // in a magazine refill that failed half way.
            assertThat(blocks).hasSize(2 * 32 * 64);
            assertThat(failure).hasMessageContaining("maxMappedBytes").hasMessageContaining(Long.toString(limit));
            assertThat(arena.stats().allocFailures()).isEqualTo(1);
            arena.free(blocks.remove(blocks.size() - 1));
            blocks.add(arena.allocate(1024));
            assertLive(arena, 4096, 4096L * 1024);
            blocks.forEach(arena::free);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest(name = "magazineCapacity={0}")
    @ValueSource(ints = {0, HakmemConfig.DEFAULT_MAGAZINE_CAPACITY})
    void emptySuperSlabsInTheCacheDoNotCountAgainstTheLimitWhenMemoryIsNeeded(int magazineCapacity) {
        long limit = 4L << 20;
        try (HakmemArena arena = HakmemArena.create(HakmemConfig.builder()
                .maxMappedBytes(limit)
                .magazineCapacity(magazineCapacity)
                .build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            fillUntilOutOfMemory(arena, blocks, 64 * 1024);
            // Free the second SuperSlab's 32 blocks: without caches it is empty, parked in the
            // empty cache; with them, its blocks wait in this thread's magazine instead.
            for (int i = 0; i < 32; i++) {
                arena.free(blocks.remove(blocks.size() - 1));
            }
            assertThat(arena.stats().emptySuperSlabsDetected()).isEqualTo(magazineCapacity == 0 ? 1 : 0);
            // 1 MiB live: a 1 MiB block must fit under 4 MiB once the empty SuperSlab goes back.
            MemorySegment big = allocateOrFail(arena, 1L << 20);
            assertThat(big.byteSize()).isEqualTo(1L << 20);
            assertThat(arena.stats().mappedBytes()).isLessThanOrEqualTo(limit);
            arena.free(big);
            blocks.forEach(arena::free);
            assertLive(arena, 0, 0);
        }
    }

    @Test
    void aFreedBlockKeptForReuseDoesNotBlockALargeAllocationUnderTheLimit() {
        long limit = 4L << 20;
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().maxMappedBytes(limit).magazineCapacity(0).build())) {
            arena.free(arena.allocate(16));
            assertLive(arena, 0, 0);
            // Nothing is live, so 3 MiB fit under 4 MiB.
            MemorySegment big = allocateOrFail(arena, 3L << 20);
            assertThat(big.byteSize()).isEqualTo(3L << 20);
            arena.free(big);
            assertThat(arena.stats().allocFailures()).isZero();
        }
    }

    @Test
    void freedBlocksParkedInTheMagazineDoNotBlockALargeAllocationUnderTheLimit() {
        long limit = 4L << 20;
        try (HakmemArena arena = HakmemArena.create(HakmemConfig.builder()
                .maxMappedBytes(limit)
                .magazineCapacity(1024)
                .build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                blocks.add(arena.allocate(16));
            }
            blocks.forEach(arena::free);
            assertThat(arena.stats().magazineBlocks()).isPositive();
            assertLive(arena, 0, 0);
            MemorySegment big = allocateOrFail(arena, 3L << 20);
            assertThat(arena.stats().mappedBytes()).isLessThanOrEqualTo(limit);
            arena.free(big);
            assertThat(arena.stats().allocFailures()).isZero();
            assertStillWorks(arena);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MAX_VALUE, Long.MAX_VALUE - 4095, 1L << 62})
    void absurdSizesFailWithOutOfMemoryAndNeverHandOutAnUnbackedSegment(long size) {
        try (HakmemArena arena = HakmemArena.create()) {
            assertThatThrownBy(() -> arena.allocate(size))
                    .isInstanceOf(OutOfMemoryError.class)
                    .hasMessageContaining(Long.toString(size));
            assertThatThrownBy(() -> arena.allocate(size, 8192)).isInstanceOf(OutOfMemoryError.class);
            HakmemStats stats = arena.stats();
            assertThat(stats.allocFailures()).isEqualTo(2);
            assertThat(stats.largeMappings()).isZero();
            assertThat(stats.mappedBytes()).isZero();
            assertStillWorks(arena);
        }
    }

    /**
     * JUnit treats an escaping {@link OutOfMemoryError} as fatal and aborts the whole run, so an
     * unexpected one becomes an ordinary assertion failure here.
     */
    private static MemorySegment allocateOrFail(HakmemArena arena, long size) {
        try {
            return arena.allocate(size);
        } catch (OutOfMemoryError e) {
            throw new AssertionError("allocate(" + size + ") failed; " + arena.stats(), e);
        }
    }

    private static OutOfMemoryError fillUntilOutOfMemory(HakmemArena arena, List<MemorySegment> blocks, long size) {
        for (int i = 0; i < 100_000; i++) {
            try {
                blocks.add(arena.allocate(size));
            } catch (OutOfMemoryError e) {
                return e;
            }
        }
        throw new AssertionError("no OutOfMemoryError after " + blocks.size() + " blocks of " + size + " B");
    }

    @ParameterizedTest
    @ValueSource(longs = {16, 3000, 300 << 10})
    void aStaleSegmentFreedAgainAfterTrimIsADoubleFree(long size) {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment block = arena.allocate(size);
            arena.free(block);
            arena.trim();
            assertThatThrownBy(() -> arena.free(block))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("double free")
                    .hasMessageContaining(hex(block));
            assertStillWorks(arena);
        }
    }

    @Test
    void anInteriorSliceOfALargeBlockGetsTheInteriorPointerMessage() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment large = arena.allocate(300 << 10);
            assertThatThrownBy(() -> arena.free(large.asSlice(4096)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("points inside a block of " + (300 << 10) + " B, not at its start");
            arena.free(large);
            assertThat(arena.stats().liveBlocks()).isZero();
        }
    }

    @Test
    void statsCountAHugeSparseBlockByItsTouchedPagesAndItsSizePrintsWhole() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment huge = arena.allocate(1L << 40, 1);
            huge.set(ValueLayout.JAVA_LONG, 0, 1L);
            huge.set(ValueLayout.JAVA_LONG, (1L << 40) - 8, 1L);
            long start = System.nanoTime();
            HakmemStats stats = arena.stats();
            System.out.printf("stats() with a sparse 1 TiB block: %d us%n", (System.nanoTime() - start) / 1000);
            // The two touched pages (huge pages at most), from the mapping's own VMA in smaps.
            assertThat(stats.residentBytes()).isBetween(2 * 4096L, 8L << 20);
            // Its own VMA: the kernel did not merge it with a neighbour, so smaps gave its Rss alone.
            String range = Long.toHexString(huge.address()) + "-" + Long.toHexString(huge.address() + (1L << 40)) + " ";
            assertThat(readProcSelfMaps())
                    .as("a line of its own in /proc/self/maps")
                    .anyMatch(l -> l.startsWith(range));
            assertThat(arena.liveBlocks(1).get(0).byteSize()).isEqualTo(1L << 40);
            assertThat(arena.liveBlocks(1).get(0).toString()).startsWith((1L << 40) + " B at ");
            arena.free(huge);
        }
    }

    private static List<String> readProcSelfMaps() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"));
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read /proc/self/maps", e);
        }
    }
}
