package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void vmRssIsReadInKibibytesAndReturnedInBytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t  900 kB", "VmRSS:\t   12345 kB", "Threads:\t3");

        assertThat(ProcessMemory.parseVmRss(status)).isEqualTo(12345L * 1024);
    }

    @Test
    void missingVmRssLineMeansUnknown() {
        assertThat(ProcessMemory.parseVmRss(List.of("Name:\tjava"))).isEqualTo(-1);
    }

    @Test
    void thisProcessHasAResidentSetOnLinux() {
        long rss = ProcessMemory.residentBytes();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(rss).isGreaterThan(1024 * 1024);
        } else {
            assertThat(rss).isEqualTo(-1);
        }
    }
}
