package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

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
