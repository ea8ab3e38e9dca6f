package io.hakmem.cache;

import org.jspecify.annotations.NullMarked;

/**
 * Blocks handed to users and given back, with their requested bytes: the one counter type of the
 * arena's locked path, of each thread cache, and of the caches of dead threads. One thread writes
 * a given instance at a time (its owner, or whoever holds the lock guarding it); readers see
 * racy values that are exact once the writers are joined.
 */
@NullMarked
public final class OpCounters {

    private long allocs;
    private long allocBytes;
    private long frees;
    private long freeBytes;

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

    /** Adds everything {@code other} counted, as when a dead thread's cache retires. */
    void add(OpTotals other) {
        allocs += other.allocs();
        allocBytes += other.allocBytes();
        frees += other.frees();
        freeBytes += other.freeBytes();
    }

    /** {@return the counts so far} */
    public OpTotals totals() {
        return new OpTotals(allocs, allocBytes, frees, freeBytes);
    }

    /** {@return operations so far, allocations and frees; a change means the writer was busy} */
    long operations() {
        return allocs + frees;
    }
}
