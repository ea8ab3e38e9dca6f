package io.hakmem.cache;

import org.jspecify.annotations.NullMarked;

/**
 * Blocks handed to users and given back, with their requested bytes: the counters of the arena's
 * locked path, of each thread cache's remote frees, and of the caches of dead threads (a
 * magazine's own figures come from its flows, see {@code Magazine#totals}). One thread writes
 * a given instance at a time (its owner, or whoever holds the lock guarding it); readers see
 * racy values that are exact once the writers are joined.
 */
@NullMarked
public final class OpCounters {

    private long allocs;
    private long allocBytes;
    private long frees;
    private long freeBytes;
    private long remoteFrees;
    private long remoteFreeBlockBytes;

    /** Counts one block handed out. */
    public void allocated(long byteSize) {
        allocs++;
        allocBytes += byteSize;
    }

    /** Counts one block given back. */
    public void freed(long byteSize) {
        frees++;
        freeBytes += byteSize;
    }

    /**
     * Counts one block given back to another thread's span; the heap compares these with the
     * remote-free bits it collects to find raced double frees.
     */
    public void freedRemotely(long byteSize, int blockSize) {
        freed(byteSize);
        remoteFrees++;
        remoteFreeBlockBytes += blockSize;
    }

    /** Adds everything {@code other} counted, as when a dead thread's cache retires. */
    void add(OpTotals other) {
        allocs += other.allocs();
        allocBytes += other.allocBytes();
        frees += other.frees();
        freeBytes += other.freeBytes();
        remoteFrees += other.remoteFrees();
        remoteFreeBlockBytes += other.remoteFreeBlockBytes();
    }

    /** {@return the counts so far} */
    public OpTotals totals() {
        return new OpTotals(allocs, allocBytes, frees, freeBytes, remoteFrees, remoteFreeBlockBytes);
    }
}
