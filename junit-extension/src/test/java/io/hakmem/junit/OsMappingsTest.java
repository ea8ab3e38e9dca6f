package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import io.hakmem.OsBackend;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OsMappingsTest {

    private static final List<String> MAPS = List.of(
            "55d0c0000000-55d0c0021000 rw-p 00000000 00:00 0                          [heap]",
            "7f0000000000-7f0000200000 rw-p 00000000 00:00 0 ",
            "7f0000400000-7f0000600000 rw-p 00000000 00:00 0 ",
            "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]",
            "not a maps line");

    @Test
    void findsLinesOverlappingAnyRange() {
        List<String> hits = OsMappings.overlapping(
                MAPS,
                List.of(
                        new AddressRange(0x7f0000100000L, 0x7f0000300000L),
                        new AddressRange(0xffffffffff600800L, 0xffffffffff600900L)));

        assertThat(hits).containsExactly(MAPS.get(1), MAPS.get(3));
    }

    private static final List<String> SMAPS = List.of(
            "7f0000000000-7f0000004000 ---p 00000000 00:00 0 ",
            "Size:                 16 kB",
            "VmFlags: mr mw me ",
            "7f0000004000-7f0000100000 rw-p 00000000 00:00 0 ",
            "Size:               1008 kB",
            "VmFlags: rd wr mr mw me ac ",
            "7f0000100000-7f0000300000 rw-p 00000000 00:00 0 ",
            "Size:               2048 kB",
            "VmFlags: rd wr mr mw me nr ",
            "7f0000300000-7f0000400000 rw-p 00000000 08:01 1234                       /tmp/file",
            "Size:               1024 kB",
            "VmFlags: rd wr mr mw me nr ",
            "7f0000400000-7f0000500000 r--p 00000000 00:00 0 ",
            "VmFlags: rd mr mw me nr ");

    @Test
    void keepsOnlyAnonymousReadWriteNoReserveMappings() {
        List<OsMappings.Line> hits =
                OsMappings.possiblyHakmem(SMAPS, List.of(new AddressRange(0x7f0000000000L, 0x7f0000500000L)));

        assertThat(hits)
                .as("a thread stack's guard and body, a file and a read-only mapping are left out")
                .extracting(OsMappings.Line::text)
                .containsExactly(SMAPS.get(6));
        assertThat(hits.get(0).range()).isEqualTo(new AddressRange(0x7f0000100000L, 0x7f0000300000L));
    }

    @Test
    void keepsOnlyHakmemShapedMappingsThatOverlap() {
        assertThat(OsMappings.possiblyHakmem(SMAPS, List.of(new AddressRange(0x7f0000000000L, 0x7f0000100000L))))
                .isEmpty();
    }

    @Test
    void aLiveSuperSlabHasTheShapeTheCheckLooksFor() {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().osBackend(OsBackend.LINUX).build());
        try {
            arena.allocate(24);
            List<AddressRange> ranges = ArenaMappings.of(arena);

            assertThat(OsMappings.possiblyHakmemOverlapping(ranges))
                    .as("if the allocator stops mapping read-write MAP_NORESERVE, the OS check must change too")
                    .extracting(OsMappings.Line::range)
                    .anySatisfy(r -> assertThat(r.overlaps(ranges.get(0))).isTrue());
        } finally {
            arena.close();
        }
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        assertThat(OsMappings.overlapping(MAPS, List.of(new AddressRange(0x7f0000200000L, 0x7f0000400000L))))
                .isEmpty();
    }

    @Test
    void rejectsRangeEndingBeforeItStarts() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new AddressRange(0x2000, 0x1000))
                .withMessageContaining("0x2000")
                .withMessageContaining("0x1000");
    }

    @Test
    void seesARealMappingComeAndGo() {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        // 64 MiB is above glibc's largest mmap threshold, so malloc maps it on its own and frees unmap it.
        long size = 64L << 20;
        AddressRange range;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment big = arena.allocate(size);
            range = new AddressRange(big.address(), big.address() + size);
            assertThat(OsMappings.stillMapped(List.of(range))).hasSize(1);
        }
        assertThat(OsMappings.stillMapped(List.of(range))).isEmpty();
    }
}
