package io.hakmem.budget;

import io.hakmem.HakmemStats;

/**
 * One reading of an arena's counters together with the process RSS at the same moment.
 *
 * @param liveBytes bytes in users' hands
 * @param residentBytes the arena's bytes held in RAM, -1 when the OS cannot tell
 * @param mappedBytes the arena's mapped bytes
 * @param processRssBytes the whole process's resident set, -1 when unknown
 */
record Sample(long liveBytes, long residentBytes, long mappedBytes, long processRssBytes) {

    static Sample of(HakmemStats stats, long processRssBytes) {
        return new Sample(stats.liveBytes(), stats.residentBytes(), stats.mappedBytes(), processRssBytes);
    }
}
