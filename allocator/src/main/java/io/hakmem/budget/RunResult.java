package io.hakmem.budget;

/**
 * The figures of one run of one budget.
 *
 * @param liveBytes bytes in users' hands at the peak
 * @param residentBytes the arena's resident bytes at the peak; where the OS cannot tell the
 *     arena's residency, the process RSS delta instead
 * @param mappedBytes the arena's mapped bytes at the peak
 * @param retainedBytes what the arena still holds in RAM once the workload returned and
 *     {@code trim()} ran (its mapped bytes where residency is unknown)
 * @param rssDeltaBytes process RSS at the peak minus process RSS just before the run, -1 unknown
 * @param elapsedNanos how long the run took, trim included
 */
record RunResult(
        long liveBytes,
        long residentBytes,
        long mappedBytes,
        long retainedBytes,
        long rssDeltaBytes,
        long elapsedNanos) {

    /** {@return resident over live at the peak, in percent} */
    double overheadPercent() {
        return liveBytes == 0 ? 0.0 : 100.0 * (residentBytes - liveBytes) / liveBytes;
    }
}
