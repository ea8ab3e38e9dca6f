package io.hakmem.os;

import org.jspecify.annotations.NullMarked;

/**
 * Maps, purges and unmaps address ranges. Implementations are thread-safe.
 *
 * <p>Invariant every caller relies on: a range fresh from {@link #map} or just purged reads as
 * zero, so the allocator never clears such memory itself.
 */
@NullMarked
public interface OsMemory {

    /**
     * Maps {@code bytes} of zeroed, readable and writable memory aligned to {@code alignment}.
     *
     * @return the base address, or 0 when the OS refused
     */
    long map(long bytes, long alignment);

    /** Gives a range from {@link #map} back to the OS; the range must be exactly as mapped. */
    void unmap(long address, long bytes);

    /** Lets the OS drop the pages of a range; afterwards the range reads as zero. */
    void purge(long address, long bytes);

    /** {@return bytes of the range held in RAM, or -1 when this layer cannot tell} */
    long residentBytes(long address, long bytes);

    /** {@return a short name for messages, e.g. {@code linux-mmap}} */
    String name();
}
