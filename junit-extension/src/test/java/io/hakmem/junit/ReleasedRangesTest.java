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
    void aRangeNoOpenArenaHoldsIsReportedAfterTheRetries() {
        Assumptions.assumeTrue(OsMappings.available(), "needs /proc/self/maps");
        // Every open HakmemArena is known to the check, so the stray mapping comes from a JDK arena:
        // 8 MiB is past malloc's mmap threshold, so it is a mapping of its own that no arena holds,
        // exactly like a range a closed arena failed to unmap.
        try (java.lang.foreign.Arena jdk = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment stray = jdk.allocate(8L << 20, 4096);
            List<AddressRange> ranges = List.of(new AddressRange(stray.address(), stray.address() + stray.byteSize()));

            long started = System.nanoTime();
            List<String> still = ReleasedRanges.stillMapped(ranges);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(still)
                    .singleElement()
                    .asString()
                    .contains(Long.toHexString(ranges.get(0).start()));
            assertThat(tookMillis)
                    .as("ms spent in the rounds that wait for transient mappings")
                    .isGreaterThanOrEqualTo(ReleasedRanges.WAIT_MILLIS);
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
