package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** Why a SuperSlab went back to the OS. */
@NullMarked
public enum ReleaseReason {
    /**
     * It stayed empty for a thousand purge delays while more than {@code emptySuperSlabCacheSize}
     * empty SuperSlabs were kept.
     */
    EMPTY,
    /** {@code trim()} unmapped it from the empty-SuperSlab cache. */
    TRIM,
    /** The arena was closed. */
    CLOSE
}
