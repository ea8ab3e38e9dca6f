package io.hakmem.bench.report;

import org.jspecify.annotations.NullMarked;

/**
 * One test_scaling round of one allocator; byte figures are growth over the child JVM's baseline.
 *
 * @param peer          the {@code PeerKind} name
 * @param blocks        how many 16 B blocks were live
 * @param liveBytes     bytes the user asked for
 * @param rssLive       resident growth while the blocks were live
 * @param heapLive      Java heap growth while the blocks were live (handles, wrappers, metadata)
 * @param rssAfterFree  resident growth left after freeing every block
 * @param rssAfterTrim  resident growth left after that and the allocator's trim
 */
@NullMarked
public record MemoryRow(
        String peer, long blocks, long liveBytes, long rssLive, long heapLive, long rssAfterFree, long rssAfterTrim) {

    /** @return resident bytes beyond the live bytes, in percent of the live bytes */
    public double overheadPercent() {
        return 100.0 * (rssLive - liveBytes) / liveBytes;
    }

    /** @return heap bytes per live block */
    public double heapPerBlock() {
        return (double) heapLive / blocks;
    }
}
