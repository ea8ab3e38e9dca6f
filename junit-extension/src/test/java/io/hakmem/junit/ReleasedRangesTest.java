package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import io.hakmem.OsBackend;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ReleasedRangesTest {

    @Test
    void aPartHeldByAnotherArenaIsExcusedAndTheRestReported() {
        OsMappings.Line line = new OsMappings.Line(new AddressRange(0x1000, 0x9000), "1000-9000 rw-p 00000000 00:00 0");

        List<String> left = ReleasedRanges.unexplained(
                List.of(line), List.of(new AddressRange(0x2000, 0x6000)), List.of(new AddressRange(0x2000, 0x3000)));

        assertThat(left).containsExactly("1000-9000 rw-p 00000000 00:00 0  (still mapped: [0x3000-0x6000])");
    }

    @Test
    void aReleasedRangeWhollyHeldByOtherArenasIsNotReported() {
        OsMappings.Line line = new OsMappings.Line(new AddressRange(0x1000, 0x9000), "1000-9000 rw-p 00000000 00:00 0");

        assertThat(ReleasedRanges.unexplained(
                        List.of(line),
                        List.of(new AddressRange(0x2000, 0x6000)),
                        List.of(new AddressRange(0x2000, 0x4000), new AddressRange(0x4000, 0x6000))))
                .isEmpty();
    }

    @Test
    void aRangeNoOpenArenaHoldsIsReportedAfterTheRetries() throws Throwable {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        // Mapped the way the allocator maps a SuperSlab, but by no arena: exactly what a closed
        // arena that failed to unmap one would leave behind.
        AddressRange leftover = NativeMappings.mapLikeASuperSlab(2L << 20);
        try {
            long started = System.nanoTime();
            List<String> still = ReleasedRanges.stillMapped(List.of(leftover));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(still)
                    .singleElement()
                    .asString()
                    .contains(Long.toHexString(leftover.start()))
                    .contains("hakmem's SuperSlab map: no hakmem SuperSlab is mapped there");
            assertThat(tookMillis)
                    .as("ms spent in the rounds that wait for transient mappings")
                    .isGreaterThanOrEqualTo(ReleasedRanges.WAIT_MILLIS);
        } finally {
            NativeMappings.unmap(leftover);
        }
    }

    @Test
    void aThreadStackInAReleasedRangeIsNotReported() throws Throwable {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        // What took over a released range in a parallel run: a new thread's stack, a guard page
        // below a read-write body, neither of them MAP_NORESERVE. Mapped here as glibc maps one.
        Assumptions.assumeTrue(
                OsMappings.noReserveShown(), "needs MAP_NORESERVE shown in smaps (overcommit mode 2 hides it)");
        AddressRange stack = NativeMappings.mapLikeAThreadStack(1L << 20, 16L << 10);
        try {
            assertThat(OsMappings.stillMapped(List.of(stack)))
                    .as("the OS shows it")
                    .hasSize(2);

            assertThat(ReleasedRanges.stillMapped(List.of(stack))).isEmpty();
        } finally {
            NativeMappings.unmap(stack);
        }
    }

    @Test
    void aRangeAnOpenExtensionArenaHoldsIsNotReported() {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        HakmemArena other = HakmemArena.create(
                HakmemConfig.builder().osBackend(OsBackend.LINUX).build());
        LiveArenas.add(other);
        List<AddressRange> ranges;
        try {
            other.allocate(24);
            other.allocate(3L << 20);
            ranges = ArenaMappings.of(other);
            assertThat(ranges).hasSize(2);
            assertThat(OsMappings.stillMapped(ranges)).as("the OS shows them").hasSizeGreaterThanOrEqualTo(1);

            assertThat(ReleasedRanges.stillMapped(ranges))
                    .as("but an open arena holds them")
                    .isEmpty();
        } finally {
            other.close();
            LiveArenas.remove(other);
        }
        assertThat(ReleasedRanges.stillMapped(ranges)).as("gone after close").isEmpty();
    }
}
