package io.hakmem.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Rss of an address range summed from /proc/self/smaps text. */
class SmapsRssTest {

    /** Three mappings as the kernel prints them: two inside [0x200000, 0x600000), one after. */
    private static final String SMAPS = """
            00200000-00400000 rw-p 00000000 00:00 0
            Size:               2048 kB
            Rss:                 516 kB
            Pss:                 516 kB
            00400000-00401000 ---p 00000000 00:00 0
            Size:                  4 kB
            Rss:                   0 kB
            00401000-00600000 rw-p 00000000 00:00 0
            Size:               2044 kB
            Rss:                  12 kB
            7f0000000000-7f0000200000 r-xp 00000000 08:01 1234   /usr/lib/libc.so.6
            Size:               2048 kB
            Rss:                1024 kB
            VmFlags: rd ex mr mw me
            """;

    @Test
    void sumsTheRssOfTheMappingsInsideTheRange() throws IOException {
        assertThat(residentBytes(SMAPS, 0x200000, 0x400000)).isEqualTo((516 + 0 + 12) * 1024L);
        assertThat(residentBytes(SMAPS, 0x200000, 0x200000)).isEqualTo(516 * 1024L);
    }

    @Test
    void aRangeWithNoMappingHoldsNothing() throws IOException {
        assertThat(residentBytes(SMAPS, 0x10000000, 0x200000)).isZero();
    }

    @Test
    void aMappingThatReachesOutOfTheRangeCannotBeTold() throws IOException {
        // The kernel merged [0x200000, 0x400000) with what lies before the range: its Rss is shared.
        assertThat(residentBytes(SMAPS, 0x300000, 0x300000)).isEqualTo(-1);
        assertThat(residentBytes(SMAPS, 0x7f0000100000L, 0x1000)).isEqualTo(-1);
    }

    @Test
    void readsKilobytes() {
        assertThat(SmapsRss.kilobytes("Rss:                1234 kB")).isEqualTo(1234);
        assertThat(SmapsRss.kilobytes("Rss: 0 kB")).isZero();
    }

    @Test
    void theProcessFileHasNoMappingAtAddressZero() {
        // The first page is never mapped in a JVM: the real file reads, and finds nothing there.
        assertThat(SmapsRss.residentBytes(0, 4096)).isZero();
    }

    private static long residentBytes(String smaps, long address, long bytes) throws IOException {
        return SmapsRss.residentBytes(new BufferedReader(new StringReader(smaps)), address, bytes);
    }
}
