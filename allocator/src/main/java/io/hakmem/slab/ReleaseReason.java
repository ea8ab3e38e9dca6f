package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** Why a SuperSlab went back to the OS. */
@NullMarked
public enum ReleaseReason {
    /** Its last block was freed and the empty-SuperSlab cache was full. */
    EMPTY,
    /** {@code trim()} unmapped it from the empty-SuperSlab cache. */
    TRIM,
    /** The arena was closed. */
    CLOSE
}
