package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** Why a thread's cache was revoked and its blocks given back to the heap. */
@NullMarked
public enum DrainReason {
    /** {@code trim()} revoked every cache first. */
    TRIM,
    /** The background trimmer found the owner idle for a whole interval. */
    IDLE,
    /** The owner thread died; its cache was found the next time a thread joined, or at trim. */
    DEAD_THREAD
}
