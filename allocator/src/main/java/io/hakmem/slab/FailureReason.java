package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/** Why an allocation failed with {@link OutOfMemoryError}. */
@NullMarked
public enum FailureReason {
    /** Mapping more would cross {@code maxMappedBytes}, even after trimming what holds no block. */
    LIMIT,
    /** The OS refused the mapping. */
    OS_REFUSED,
    /** The size with its alignment does not fit in the address space. */
    ADDRESS_SPACE
}
