package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import io.hakmem.OsBackend;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArenaMappingsTest {

    @Test
    void theOsShowsAnArenasMappingsUntilClose() {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().osBackend(OsBackend.LINUX).build());
        MemorySegment small = arena.allocate(24);
        MemorySegment large = arena.allocate(3L << 20);

        List<AddressRange> ranges = ArenaMappings.of(arena);

        assertThat(ranges)
                .hasSize(2)
                .anySatisfy(r -> assertThat(r.overlaps(new AddressRange(small.address(), small.address() + 24)))
                        .isTrue())
                .anySatisfy(r -> assertThat(r.end() - r.start()).isGreaterThanOrEqualTo(3L << 20));
        assertThat(OsMappings.stillMapped(ranges)).isNotEmpty();
        arena.close();
        assertThat(OsMappings.stillMapped(ranges)).isEmpty();
    }

    @Test
    void portableArenasAreNotCheckedAgainstTheOs() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().osBackend(OsBackend.PORTABLE).build())) {
            arena.allocate(24);
            assertThat(ArenaMappings.of(arena)).isEmpty();
            assertThat(arena.mappedRanges()).hasSize(1);
        }
    }
}
