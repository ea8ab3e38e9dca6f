package io.hakmem.budget.fork;

import org.jspecify.annotations.NullMarked;

/**
 * The figures of one run of one budget: measured by the forked runner, written to the result
 * file, read back by the Maven plugin (this package is compiled for release 17 for it).
 *
 * <pre>{@code
 * RunFigures run = new RunFigures(1_600_000, 2_000_000, 2_097_152, 0, 2_050_000, 80_000_000);
 * run.overheadPercent(); // 25.0
 * }</pre>
 *
 * @param liveBytes bytes in users' hands at the peak
 * @param residentBytes the arena's resident bytes at the peak
 * @param mappedBytes the arena's mapped bytes at the peak
 * @param retainedBytes the arena's resident bytes after the workload returned and trim() ran
 * @param rssDeltaBytes the process RSS growth from just before the run to the peak, -1 unknown
 * @param elapsedNanos the run's duration
 */
@NullMarked
public record RunFigures(
        long liveBytes,
        long residentBytes,
        long mappedBytes,
        long retainedBytes,
        long rssDeltaBytes,
        long elapsedNanos) {

    /** {@return resident over live at the peak, in percent; NaN when nothing was live} */
    public double overheadPercent() {
        return liveBytes <= 0 ? Double.NaN : 100.0 * (residentBytes - liveBytes) / liveBytes;
    }

    /** {@return the same ratio from the process RSS delta, the OS's view; NaN when unknown} */
    public double rssOverheadPercent() {
        return liveBytes <= 0 || rssDeltaBytes < 0 ? Double.NaN : 100.0 * (rssDeltaBytes - liveBytes) / liveBytes;
    }
}
