package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/**
 * Everything an arena reports about its slow paths: mappings, releases, purges and failures of
 * its heap, drains of its thread caches, and its trims. One interface for every layer that has
 * something to report, owned by the lowest of them, so that no layer names the JFR events
 * directly; {@code io.hakmem.events} implements it.
 *
 * <p>Methods are called on slow paths only, some with the heap lock held: an implementation
 * must not call back into the arena. Timed happenings (a trim, a drain) return a handle that the
 * caller finishes when the work is done, so that an implementation can measure the duration.
 *
 * <pre>{@code
 * ArenaListener.Trim trim = listener.trimStarted();
 * long returned = heap.trim();
 * trim.finished(returned, revoked, false);
 * }</pre>
 */
@NullMarked
public interface ArenaListener {

    /** A listener that ignores everything. */
    ArenaListener NONE = new ArenaListener() {};

    /** A trim in progress. */
    @FunctionalInterface
    interface Trim {
        /**
         * The trim is done.
         *
         * @param bytesReturned bytes unmapped or purged
         * @param blocksRevoked cached blocks taken back from thread caches first
         * @param background whether the background trimmer ran it rather than a call to trim()
         */
        void finished(long bytesReturned, long blocksRevoked, boolean background);
    }

    /** A revocation of one thread's cache in progress. */
    @FunctionalInterface
    interface Drain {
        /**
         * The cache's blocks are back in the heap.
         *
         * @param owner the thread whose cache was drained
         * @param blocks blocks given back
         * @param reason why the cache was drained
         */
        void finished(Thread owner, long blocks, DrainReason reason);
    }

    /**
     * A SuperSlab was mapped.
     *
     * @param base its address
     */
    default void superSlabMapped(long base) {}

    /**
     * A SuperSlab went back to the OS.
     *
     * @param base its address
     * @param lifetimeNanos how long it was mapped
     * @param reason why it went
     */
    default void superSlabReleased(long base, long lifetimeNanos, ReleaseReason reason) {}

    /**
     * A run of contiguous slabs was purged.
     *
     * @param address where the first slab starts
     * @param slabs how many slabs
     */
    default void slabsPurged(long address, int slabs) {}

    /**
     * An allocation failed with {@link OutOfMemoryError}.
     *
     * @param reason why
     * @param message the error's message, with the sizes and the limit
     * @param mappingBytes the size of the mapping that was refused or would cross the limit
     */
    default void allocationFailed(FailureReason reason, String message, long mappingBytes) {}

    /** {@return the handle of a trim that starts now} */
    default Trim trimStarted() {
        return (bytesReturned, blocksRevoked, background) -> {};
    }

    /** {@return the handle of a thread-cache revocation that starts now} */
    default Drain drainStarted() {
        return (owner, blocks, reason) -> {};
    }
}
