package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * Random allocate / free / trim sequences of mixed sizes and alignments, checked step by step
 * against a model of the live blocks: blocks never overlap, keep their contents, come back
 * aligned, sized and zeroed, and the arena's live counters equal the model's.
 */
class PropertyTest {

    private static final long MAX_SIZE = 300 * 1024;

    /**
     * One step: allocate {@code size} aligned to {@code alignment}; free the {@code pick}-th live
     * block; trim; allocate a burst of {@code pick % 800 + 1} blocks of {@code size}, enough to
     * fill slabs and overflow magazines; or free every second live block, enough to empty them.
     */
    record Op(Kind kind, long size, long alignment, int pick) {}

    enum Kind {
        ALLOCATE,
        FREE,
        TRIM,
        BURST,
        FREE_HALF
    }

    private record Block(MemorySegment segment, long alignment, byte pattern) {
        long start() {
            return segment.address();
        }

        /** Zero-size blocks still own their address: two live blocks never share one. */
        long end() {
            return segment.address() + Math.max(1, segment.byteSize());
        }
    }

    @Property(tries = 60)
    void magazinesOn(@ForAll("programs") List<Op> program) {
        run(HakmemConfig.builder().magazineCapacity(1024).build(), program);
    }

    @Property(tries = 60)
    void magazinesOff(@ForAll("programs") List<Op> program) {
        run(HakmemConfig.builder().magazineCapacity(0).build(), program);
    }

    @Property(tries = 30)
    void portableBackend(@ForAll("programs") List<Op> program) {
        run(HakmemConfig.builder().osBackend(OsBackend.PORTABLE).build(), program);
    }

    /** Every empty slab purged and every empty SuperSlab unmapped at once: the release paths run all the time. */
    @Property(tries = 40)
    void eagerReclamation(@ForAll("programs") List<Op> program) {
        run(
                HakmemConfig.builder()
                        .magazineCapacity(16)
                        .drainInterval(8)
                        .purgeThresholdBytes(0)
                        .emptySuperSlabCacheSize(0)
                        .build(),
                program);
    }

    /** Poisoning must never report damage in a program that writes only to live blocks. */
    @Property(tries = 25)
    void poisonedFreedBlocks(@ForAll("programs") List<Op> program) {
        run(
                HakmemConfig.builder()
                        .poisonFreedBlocks(true)
                        .trackAllocationSites(true)
                        .build(),
                program);
    }

    @Provide
    Arbitrary<List<Op>> programs() {
        Arbitrary<Kind> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just(Kind.ALLOCATE)),
                net.jqwik.api.Tuple.of(7, Arbitraries.just(Kind.FREE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.TRIM)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.BURST)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.FREE_HALF)));
        Arbitrary<Long> size = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(0, 64)),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(65, 1024)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1025, 64 * 1024)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(64 * 1024 + 1, MAX_SIZE)));
        Arbitrary<Long> alignment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(1L, 8L, 16L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 13).map(e -> 1L << e)));
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1 << 20);
        return Combinators.combine(kind, size, alignment, pick)
                .as(Op::new)
                .list()
                .ofMaxSize(200)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    private static void run(HakmemConfig config, List<Op> program) {
        TreeMap<Long, Block> live = new TreeMap<>();
        List<Long> order = new ArrayList<>();
        long[] liveBytes = {0};
        try (HakmemArena arena = HakmemArena.create(config);
                Arena scratch = Arena.ofConfined()) {
            MemorySegment zeros = scratch.allocate(MAX_SIZE);
            MemorySegment expected = scratch.allocate(MAX_SIZE);
            int serial = 0;
            for (Op op : program) {
                switch (op.kind()) {
                    case ALLOCATE ->
                        liveBytes[0] +=
                                add(allocate(arena, op, (byte) (++serial * 0x3B | 1), zeros, live), live, order);
                    case BURST -> {
                        Op tiny = new Op(op.kind(), op.size() % 2049, op.alignment(), op.pick());
                        for (int i = op.pick() % 800; i >= 0; i--) {
                            liveBytes[0] +=
                                    add(allocate(arena, tiny, (byte) (++serial * 0x3B | 1), zeros, live), live, order);
                        }
                    }
                    case FREE -> {
                        if (!order.isEmpty()) {
                            liveBytes[0] -= remove(arena, order.remove(op.pick() % order.size()), live, expected);
                        }
                    }
                    case FREE_HALF -> {
                        for (int i = order.size() - 1 - op.pick() % 2; i >= 0; i -= 2) {
                            liveBytes[0] -= remove(arena, order.remove(i), live, expected);
                        }
                    }
                    case TRIM -> arena.trim();
                }
                HakmemStats stats = arena.stats();
                assertThat(stats.liveBlocks())
                        .as("liveBlocks after %s: %s", op, stats)
                        .isEqualTo(live.size());
                assertThat(stats.liveBytes())
                        .as("liveBytes after %s: %s", op, stats)
                        .isEqualTo(liveBytes[0]);
            }
            for (Block b : live.values()) {
                verifyAndFree(arena, b, expected);
            }
            arena.trim();
            HakmemStats end = arena.stats();
            assertThat(end.liveBlocks()).isZero();
            assertThat(end.liveBytes()).isZero();
            assertThat(end.mappedBytes()).as("after free-all and trim: %s", end).isZero();
            assertThat(end.superSlabsLive()).isZero();
            assertThat(end.largeMappings()).isZero();
            assertThat(end.magazineBlocks()).isZero();
            assertThat(end.superSlabsReleasedTotal()).isEqualTo(end.superSlabsMappedTotal());
        }
    }

    private static long add(Block b, Map<Long, Block> live, List<Long> order) {
        live.put(b.start(), b);
        order.add(b.start());
        return b.segment().byteSize();
    }

    private static long remove(HakmemArena arena, long start, Map<Long, Block> live, MemorySegment expected) {
        Block b = live.remove(start);
        verifyAndFree(arena, b, expected);
        return b.segment().byteSize();
    }

    private static Block allocate(HakmemArena arena, Op op, byte pattern, MemorySegment zeros, Map<Long, Block> live) {
        MemorySegment s = arena.allocate(op.size(), op.alignment());
        // Plain checks, not an assertion object per block: bursts allocate thousands.
        check(s.byteSize() == op.size(), "byteSize %d for %s", s.byteSize(), op);
        check(s.address() % op.alignment() == 0, "address 0x%x for %s", s.address(), op);
        check(s.mismatch(zeros.asSlice(0, op.size())) == -1, "fresh block 0x%x for %s is not zero", s.address(), op);
        Block b = new Block(s, op.alignment(), pattern);
        TreeMap<Long, Block> byStart = (TreeMap<Long, Block>) live;
        Map.Entry<Long, Block> before = byStart.floorEntry(b.start());
        Map.Entry<Long, Block> after = byStart.ceilingEntry(b.start());
        check(before == null || before.getValue().end() <= b.start(), "%s overlaps the live block %s", s, before);
        check(after == null || b.end() <= after.getKey(), "%s overlaps the live block %s", s, after);
        s.fill(pattern);
        return b;
    }

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new AssertionError(String.format(format, args));
        }
    }

    private static void verifyAndFree(HakmemArena arena, Block b, MemorySegment expected) {
        long size = b.segment().byteSize();
        MemorySegment want = expected.asSlice(0, size).fill(b.pattern());
        long damaged = b.segment().mismatch(want);
        check(damaged == -1, "byte %d of %s changed while it was live", damaged, b);
        arena.free(b.segment());
    }
}
