package io.hakmem;

import static io.hakmem.ArenaAssertions.assertLive;
import static io.hakmem.ArenaAssertions.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory goes back: empty slabs are purged, empty SuperSlabs and large blocks unmapped, slabs
 * change size class; plus the zeroing, allocation-site and poisoning options.
 */
class ReclamationTest {

    private static final long SLAB = 64 * 1024;
    private static final long SUPERSLAB = 2L << 20;

    private static HakmemConfig.Builder noCaches() {
        return HakmemConfig.builder().magazineCapacity(0);
    }

    @Test
    void emptySlabsInLiveSuperSlabsArePurgedSoResidentMemoryFollowsLiveMemory() {
        try (HakmemArena arena =
                HakmemArena.create(noCaches().purgeDelay(Duration.ofMillis(20)).build())) {
            Map<Long, List<MemorySegment>> bySlab = allocateTouched(arena, 40 * 1024, 64);
            assertThat(bySlab).hasSize(40);
            HakmemStats full = arena.stats();
            assertThat(full.residentBytes()).isGreaterThanOrEqualTo(40 * SLAB);
            List<MemorySegment> kept = freeAllButEveryTenthSlab(arena, bySlab);
            long liveBytes = 64L * kept.size();
            assertThat(liveBytes).isEqualTo(4 * SLAB);
            assertThat(arena.stats().slabsPurged())
                    .as("the free path never purges")
                    .isZero();
            // Once the delay ran out, the next allocation slow path purges, even without trim.
            sleepMillis(30);
            arena.free(arena.allocate(300 << 10));
            HakmemStats freed = arena.stats();
            assertThat(freed.slabsPurged()).isGreaterThanOrEqualTo(35);
            assertThat(freed.residentBytes()).isLessThanOrEqualTo(liveBytes + 2 * SLAB);

            arena.trim();
            HakmemStats trimmed = arena.stats();
            assertThat(trimmed.slabsPurged()).isGreaterThanOrEqualTo(36);
            assertThat(trimmed.residentBytes())
                    .as("resident after trim: %s", trimmed)
                    .isBetween(liveBytes, liveBytes + liveBytes / 20);
            long holding = kept.stream().map(b -> b.address() >>> 21).distinct().count();
            assertThat(trimmed.superSlabsLive())
                    .as("SuperSlabs holding a kept slab")
                    .isEqualTo(holding);
            assertContentsIntact(kept);
            kept.forEach(arena::free);
        }
    }

    @Test
    void aZeroPurgeThresholdPurgesEveryDirtySlabAtTheNextSlowPathWhateverItsAge() {
        try (HakmemArena arena = HakmemArena.create(noCaches()
                .purgeThresholdBytes(0)
                .purgeDelay(Duration.ofHours(1))
                .build())) {
            Map<Long, List<MemorySegment>> bySlab = allocateTouched(arena, 40 * 1024, 64);
            List<MemorySegment> kept = freeAllButEveryTenthSlab(arena, bySlab);
            assertThat(arena.stats().slabsPurged()).isZero();
            arena.free(arena.allocate(300 << 10));
            HakmemStats freed = arena.stats();
            long liveBytes = 64L * kept.size();
            // One emptied span stays formed for reuse by its class; every other one is purged.
            assertThat(freed.slabsPurged()).isGreaterThanOrEqualTo(35);
            assertThat(freed.residentBytes()).isBetween(liveBytes, liveBytes + SLAB);
            kept.forEach(arena::free);
        }
    }

    @Test
    void cachedSuperSlabsStayDirtyWithinThePurgeThresholdSoChurnDoesNotPageFault() {
        HakmemConfig churny = HakmemConfig.builder()
                .emptySuperSlabCacheSize(4)
                .purgeThresholdBytes(64L << 20)
                .purgeDelay(Duration.ofHours(1))
                .build();
        try (HakmemArena arena = HakmemArena.create(churny)) {
            for (int round = 0; round < 5; round++) {
                List<MemorySegment> blocks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    MemorySegment block = arena.allocate(64 * 1024);
                    block.set(ValueLayout.JAVA_LONG, 0, i);
                    blocks.add(block);
                }
                blocks.forEach(arena::free);
            }
            HakmemStats churned = arena.stats();
            assertThat(churned.superSlabsMappedTotal())
                    .as("mapped once, reused every round")
                    .isEqualTo(churned.superSlabsLive());
            assertThat(churned.superSlabsReleasedTotal()).isZero();
            assertThat(churned.slabsPurged())
                    .as("nothing purged below the threshold")
                    .isZero();
            assertThat(churned.residentBytes()).isGreaterThanOrEqualTo(100 * SLAB);
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void tenThousandBatchesOf64KiBWithDefaultsNeverUnmapAndStayWithinTwoSuperSlabsOfTheWorkingSet() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment[] batch = new MemorySegment[100];
            // 100 blocks of one slab each: four SuperSlabs hold the working set.
            long workingSet = 4;
            long mostMapped = 0;
            for (int round = 0; round < 10_000; round++) {
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = arena.allocate(64 * 1024);
                    batch[i].set(ValueLayout.JAVA_LONG, 65528, round);
                }
                for (MemorySegment block : batch) {
                    assertThat(block.get(ValueLayout.JAVA_LONG, 65528)).isEqualTo(round);
                    arena.free(block);
                }
                if (round % 500 == 0) {
                    HakmemStats now = arena.stats();
                    assertThat(now.superSlabsReleasedTotal())
                            .as("unmapped during the churn, round %d", round)
                            .isZero();
                    mostMapped = Math.max(mostMapped, now.superSlabsLive());
                }
            }
            HakmemStats churned = arena.stats();
            assertThat(churned.superSlabsReleasedTotal()).isZero();
            assertThat(Math.max(mostMapped, churned.superSlabsLive())).isLessThanOrEqualTo(workingSet + 2);
            ArenaAssertions.assertTrimReclaimsEverything(arena);
        }
    }

    @Test
    void dirtyMemoryOfCachedSuperSlabsStaysWithinTheDefaultPurgeThreshold() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().emptySuperSlabCacheSize(1).build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                MemorySegment block = arena.allocate(64 * 1024);
                block.fill((byte) 1);
                blocks.add(block);
            }
            blocks.forEach(arena::free);
            HakmemStats freed = arena.stats();
            assertThat(freed.superSlabsLive()).as("kept in the empty cache").isEqualTo(1);
            long threshold = arena.config().purgeThresholdBytes();
            assertThat(freed.slabsPurged())
                    .as("31 dirty slabs are over the %d B threshold", threshold)
                    .isGreaterThanOrEqualTo(31 - threshold / SLAB);
            assertThat(freed.residentBytes()).isLessThanOrEqualTo(threshold);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void carvingIsLazyAndFreshPagesAreNeverClearedByTheAllocator(int magazineCapacity) {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().magazineCapacity(magazineCapacity).build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 1024; i++) {
                blocks.add(arena.allocate(16));
            }
            MemorySegment medium = arena.allocate(64 * 1024);
            HakmemStats carved = arena.stats();
            assertThat(carved.mappedBytes()).isEqualTo(SUPERSLAB);
            // Zeroed segments, yet no page touched: fresh pages are zero already.
            assertThat(carved.residentBytes()).isZero();
            blocks.forEach(b -> b.set(ValueLayout.JAVA_BYTE, 15, (byte) 1));
            assertThat(arena.stats().residentBytes())
                    .as("1024 x 16 B = four pages")
                    .isEqualTo(4 * 4096);
            medium.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            assertThat(arena.stats().residentBytes()).isEqualTo(5 * 4096);
            blocks.forEach(arena::free);
            arena.free(medium);
        }
    }

    @Test
    void withNoEmptySuperSlabCacheASuperSlabIsUnmappedAThousandPurgeDelaysAfterItEmpties() {
        try (HakmemArena arena = HakmemArena.create(noCaches()
                .emptySuperSlabCacheSize(0)
                .purgeDelay(Duration.ofMillis(1))
                .build())) {
            Map<Long, List<MemorySegment>> bySuperSlab = allocateBySuperSlab(arena, 2048 + 100, 1024);
            assertThat(bySuperSlab).hasSize(2);
            List<MemorySegment> first = bySuperSlab.values().stream()
                    .filter(l -> l.size() == 2048)
                    .findFirst()
                    .orElseThrow();
            first.forEach(arena::free);
            assertThat(arena.stats().superSlabsReleasedTotal())
                    .as("not on the free path")
                    .isZero();
            sleepMillis(1100);
            arena.free(arena.allocate(300 << 10));
            HakmemStats stats = arena.stats();
            assertThat(stats.emptySuperSlabsDetected()).isEqualTo(1);
            assertThat(stats.superSlabsReleasedTotal())
                    .as("released without trim")
                    .isEqualTo(1);
            assertThat(stats.superSlabsLive()).isEqualTo(1);
            assertThat(stats.mappedBytes()).isEqualTo(SUPERSLAB);
            assertThatThrownBy(() -> first.get(0).get(ValueLayout.JAVA_BYTE, 0))
                    .isInstanceOf(IllegalStateException.class);
            bySuperSlab.values().stream()
                    .filter(l -> l != first)
                    .flatMap(List::stream)
                    .forEach(arena::free);
        }
    }

    @Test
    void withTheDefaultCacheOneEmptySuperSlabStaysMappedUntilTrim() {
        try (HakmemArena arena = HakmemArena.create(noCaches().build())) {
            Map<Long, List<MemorySegment>> bySuperSlab = allocateBySuperSlab(arena, 2048 + 100, 1024);
            List<MemorySegment> first = bySuperSlab.values().stream()
                    .filter(l -> l.size() == 2048)
                    .findFirst()
                    .orElseThrow();
            first.forEach(arena::free);
            HakmemStats cached = arena.stats();
            assertThat(cached.emptySuperSlabsDetected()).isEqualTo(1);
            assertThat(cached.superSlabsReleasedTotal()).isZero();
            assertThat(cached.mappedBytes()).isEqualTo(2 * SUPERSLAB);
            assertThat(cached.residentBytes())
                    .as("the cached SuperSlab is purged")
                    .isLessThanOrEqualTo(SUPERSLAB);
            arena.trim();
            HakmemStats trimmed = arena.stats();
            assertThat(trimmed.superSlabsReleasedTotal()).isEqualTo(1);
            assertThat(trimmed.mappedBytes()).isEqualTo(SUPERSLAB);
            bySuperSlab.values().stream()
                    .filter(l -> l != first)
                    .flatMap(List::stream)
                    .forEach(arena::free);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {256 * 1024 + 1, 300 * 1024, 3L << 20})
    void largeBlocksHaveTheirOwnMappingAndAreUnmappedOnFree(long size) {
        long pageRounded = (size + 4095) & -4096;
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment block = arena.allocate(size);
            HakmemStats mapped = arena.stats();
            assertThat(mapped.largeMappings()).isEqualTo(1);
            assertThat(mapped.superSlabsLive()).isZero();
            assertThat(mapped.mappedBytes()).isEqualTo(pageRounded);
            assertThat(mapped.residentBytes()).as("fresh pages are not touched").isZero();
            block.fill((byte) 7);
            assertThat(arena.stats().residentBytes()).isEqualTo(pageRounded);
            arena.free(block);
            HakmemStats freed = arena.stats();
            assertThat(freed.largeMappings()).isZero();
            assertThat(freed.mappedBytes()).isZero();
            assertThat(freed.residentBytes()).isZero();
            assertThatThrownBy(() -> block.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theLargestSlabBlockComesFromASlab() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment block = arena.allocate(256 * 1024);
            assertThat(arena.stats().largeMappings()).isZero();
            assertThat(arena.stats().superSlabsLive()).isEqualTo(1);
            arena.free(block);
        }
    }

    @Test
    void alignmentsUpTo4KiBComeFromSlabsAndLargerOnesFromDedicatedMappings() {
        try (HakmemArena arena = HakmemArena.create()) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int shift = 0; shift <= 12; shift++) {
                long alignment = 1L << shift;
                for (long size : new long[] {0, 24, 3000}) {
                    MemorySegment b = arena.allocate(size, alignment);
                    assertThat(b.address() % alignment)
                            .as("%d B aligned to %d", size, alignment)
                            .isZero();
                    assertThat(b.byteSize()).isEqualTo(size);
                    blocks.add(b);
                }
            }
            assertThat(arena.stats().largeMappings()).isZero();
            long[] large = {8192, 16384, 65536, 1L << 20, 2L << 20};
            for (int i = 0; i < large.length; i++) {
                MemorySegment b = arena.allocate(24, large[i]);
                assertThat(b.address() % large[i]).as("aligned to %d", large[i]).isZero();
                assertThat(b.byteSize()).isEqualTo(24);
                assertThat(arena.stats().largeMappings()).isEqualTo(i + 1);
                blocks.add(b);
            }
            assertLive(
                    arena,
                    blocks.size(),
                    blocks.stream().mapToLong(MemorySegment::byteSize).sum());
            blocks.forEach(arena::free);
            assertThat(arena.stats().largeMappings()).isZero();
            assertLive(arena, 0, 0);
        }
    }

    @Test
    void inheritedAllocateFromMethodsWork() {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
            assertThat(ints.byteSize()).isEqualTo(12);
            assertThat(ints.address() % 4).isZero();
            assertThat(ints.toArray(ValueLayout.JAVA_INT)).containsExactly(1, 2, 3);
            MemorySegment text = arena.allocateFrom("hakmem");
            assertThat(text.getString(0)).isEqualTo("hakmem");
            MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_LONG, 42L);
            assertThat(one.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42L);
            assertLive(arena, 3, 12 + 7 + 8);
            arena.free(ints);
            arena.free(text);
            arena.free(one);
            assertLive(arena, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void recycledBlocksAreZeroedByDefault(int magazineCapacity) {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().magazineCapacity(magazineCapacity).build())) {
            MemorySegment first = arena.allocate(64);
            first.fill((byte) 0x5A);
            arena.free(first);
            MemorySegment recycled = arena.allocate(64);
            assertThat(recycled.address()).isEqualTo(first.address());
            assertThat(recycled.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            arena.free(recycled);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 0})
    void withoutZeroingRecycledBlocksKeepOldBytesAndFreshOnesAreStillZero(int magazineCapacity) {
        HakmemConfig config = HakmemConfig.builder()
                .magazineCapacity(magazineCapacity)
                .zeroOnAllocate(false)
                .build();
        try (HakmemArena arena = HakmemArena.create(config)) {
            MemorySegment first = arena.allocate(64);
            assertThat(first.toArray(ValueLayout.JAVA_BYTE))
                    .as("fresh mmap pages")
                    .containsOnly(0);
            first.fill((byte) 0x5A);
            arena.free(first);
            MemorySegment recycled = arena.allocate(64);
            assertThat(recycled.address()).isEqualTo(first.address());
            // The first 8 bytes held the free-list link; the rest is the previous owner's.
            assertThat(recycled.asSlice(8).toArray(ValueLayout.JAVA_BYTE)).containsOnly(0x5A);
            MemorySegment fresh = arena.allocate(64);
            assertThat(fresh.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            arena.free(recycled);
            arena.free(fresh);
        }
    }

    @Test
    void slabsEmptiedByOneSizeClassServeAnotherWithoutANewSuperSlab() {
        try (HakmemArena arena = HakmemArena.create(noCaches().build())) {
            List<MemorySegment> small = new ArrayList<>();
            for (int i = 0; i < 32 * 4096; i++) {
                small.add(arena.allocate(16));
            }
            assertThat(arena.stats().superSlabsMappedTotal())
                    .as("32 slabs of 4096 blocks of 16 B")
                    .isEqualTo(1);
            long superSlab = small.get(0).address() >>> 21;
            small.forEach(arena::free);
            List<MemorySegment> medium = new ArrayList<>();
            for (int i = 0; i < 32 * 128; i++) {
                MemorySegment b = arena.allocate(512);
                assertThat(b.address() >>> 21).isEqualTo(superSlab);
                medium.add(b);
            }
            HakmemStats stats = arena.stats();
            assertThat(stats.superSlabsMappedTotal())
                    .as("the same SuperSlab, every slab re-used: %s", stats)
                    .isEqualTo(1);
            assertThat(stats.superSlabsLive()).isEqualTo(1);
            assertThat(medium.get(medium.size() - 1).toArray(ValueLayout.JAVA_BYTE))
                    .containsOnly(0);
            medium.forEach(arena::free);
        }
    }

    @Test
    void liveBlocksNameTheAllocationSite() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().trackAllocationSites(true).build())) {
            MemorySegment freed = arena.allocate(100);
            // The allocation is on the line after this one.
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            MemorySegment leaked = arena.allocate(24);
            arena.free(freed);
            List<LiveBlock> blocks = arena.liveBlocks(20);
            assertThat(blocks).hasSize(1);
            LiveBlock leak = blocks.get(0);
            assertThat(leak.address()).isEqualTo(leaked.address());
            assertThat(leak.byteSize()).isEqualTo(24);
            assertThat(leak.threadName()).isEqualTo(Thread.currentThread().getName());
            StackTraceElement site = leak.allocationSite().get(0);
            assertThat(site.getClassName()).isEqualTo(ReclamationTest.class.getName());
            assertThat(site.getMethodName()).isEqualTo("liveBlocksNameTheAllocationSite");
            assertThat(site.getFileName()).isEqualTo("ReclamationTest.java");
            assertThat(site.getLineNumber()).isEqualTo(line);
            assertThat(leak.toString()).contains("24 B at " + hex(leaked), "ReclamationTest.java:" + line);
            assertThat(arena.liveBlocks(0)).isEmpty();
            arena.free(leaked);
            assertThat(arena.liveBlocks(20)).isEmpty();
        }
    }

    @Test
    void untrackedLiveBlocksStillListAddressAndBlockSize() {
        try (HakmemArena arena = HakmemArena.create(noCaches().build())) {
            MemorySegment small = arena.allocate(20);
            MemorySegment large = arena.allocate(300 * 1024);
            List<LiveBlock> blocks = arena.liveBlocks(20);
            assertThat(blocks)
                    .extracting(LiveBlock::address)
                    .containsExactlyInAnyOrder(small.address(), large.address());
            assertThat(blocks).allSatisfy(b -> assertThat(b.allocationSite()).isEmpty());
            assertThat(blocks)
                    .filteredOn(b -> b.address() == small.address())
                    .extracting(LiveBlock::byteSize)
                    .containsExactly(24L);
            assertThat(arena.liveBlocks(1)).hasSize(1);
            assertThatThrownBy(() -> arena.liveBlocks(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
            arena.free(small);
            arena.free(large);
        }
    }

    @Test
    void aWriteAfterFreeIsDetectedOnReuse() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().poisonFreedBlocks(true).build())) {
            MemorySegment block = arena.allocate(64);
            MemorySegment alias = MemorySegment.ofAddress(block.address()).reinterpret(64);
            arena.free(block);
            alias.set(ValueLayout.JAVA_BYTE, 20, (byte) 0x11);
            assertThatThrownBy(() -> arena.allocate(64))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("write after free")
                    .hasMessageContaining(hex(block))
                    .hasMessageContaining("byte 20")
                    .hasMessageContaining("0x11");
            assertLive(arena, 0, 0);
            // The damaged block went back poisoned afresh: it is served again, clean and zeroed.
            MemorySegment again = arena.allocate(64);
            assertThat(again.address()).isEqualTo(block.address());
            assertThat(again.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            assertLive(arena, 1, 64);
            arena.free(again);
        }
    }

    @Test
    void withPoisoningBlocksCarvedFromAReusedUnpurgedSlabAreStillZeroed() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().poisonFreedBlocks(true).build())) {
            // One full 64 B span (1024 blocks in slab 0), then one 64 KiB block in each other slab.
            List<MemorySegment> first = new ArrayList<>();
            for (int i = 0; i < 1024; i++) {
                first.add(arena.allocate(64));
            }
            List<MemorySegment> filler = new ArrayList<>();
            for (int i = 0; i < 31; i++) {
                filler.add(arena.allocate(64 << 10));
            }
            long slab = first.get(0).address() >>> 16;
            assertThat(first).allMatch(b -> b.address() >>> 16 == slab);
            // The emptied span stays formed, full of poison; with no free slab left, the next
            // class dissolves it and carves from its slab, unpurged.
            first.forEach(arena::free);
            assertThat(arena.stats().slabsPurged()).isZero();
            MemorySegment reused = arena.allocate(512);
            assertThat(reused.address() >>> 16)
                    .as("carved from the emptied slab")
                    .isEqualTo(slab);
            assertThat(reused.toArray(ValueLayout.JAVA_BYTE))
                    .as("a segment from allocate reads as zero")
                    .containsOnly(0);
            arena.free(reused);
            filler.forEach(arena::free);
        }
    }

    @Test
    void untouchedFreedBlocksPassThePoisonCheck() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().poisonFreedBlocks(true).build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (long size : new long[] {8, 64, 1000, 5000, 70_000}) {
                MemorySegment b = arena.allocate(size);
                b.fill((byte) 1);
                blocks.add(b);
            }
            blocks.forEach(arena::free);
            for (MemorySegment old : blocks) {
                MemorySegment b = arena.allocate(old.byteSize());
                assertThat(b.address()).isEqualTo(old.address());
                assertThat(b.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
                arena.free(b);
            }
            assertThat(arena.stats().allocFailures()).isZero();
        }
    }

    /** Allocates and writes blocks; returns them grouped by 64 KiB slab. */
    private static Map<Long, List<MemorySegment>> allocateTouched(HakmemArena arena, int count, long size) {
        Map<Long, List<MemorySegment>> bySlab = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            MemorySegment b = arena.allocate(size);
            b.set(ValueLayout.JAVA_INT, 0, i);
            bySlab.computeIfAbsent(b.address() >>> 16, k -> new ArrayList<>()).add(b);
        }
        return bySlab;
    }

    private static Map<Long, List<MemorySegment>> allocateBySuperSlab(HakmemArena arena, int count, long size) {
        Map<Long, List<MemorySegment>> bySuperSlab = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            MemorySegment b = arena.allocate(size);
            bySuperSlab
                    .computeIfAbsent(b.address() >>> 21, k -> new ArrayList<>())
                    .add(b);
        }
        return bySuperSlab;
    }

    /** Frees whole slabs, keeping slabs 0, 10, 20, ... in address order; returns the kept blocks. */
    private static List<MemorySegment> freeAllButEveryTenthSlab(
            HakmemArena arena, Map<Long, List<MemorySegment>> bySlab) {
        List<MemorySegment> kept = new ArrayList<>();
        int i = 0;
        for (List<MemorySegment> slab : bySlab.values()) {
            if (i++ % 10 == 0) {
                kept.addAll(slab);
            } else {
                slab.forEach(arena::free);
            }
        }
        return kept;
    }

    private static void assertContentsIntact(List<MemorySegment> blocks) {
        Set<Integer> seen = new HashSet<>();
        for (MemorySegment b : blocks) {
            seen.add(b.get(ValueLayout.JAVA_INT, 0));
        }
        assertThat(seen).as("distinct stamps survived").hasSize(blocks.size());
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
