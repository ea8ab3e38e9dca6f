package io.hakmem;

import org.jspecify.annotations.NullMarked;

/**
 * One address range an arena has mapped from the OS, as listed by {@link HakmemArena#mappedRanges()}:
 * a SuperSlab (mapped, or empty and cached) or the dedicated mapping of a large block.
 *
 * <pre>{@code
 * for (MappedRange r : arena.mappedRanges()) {
 *     System.out.printf("0x%x + %d%n", r.address(), r.byteSize());
 * }
 * }</pre>
 *
 * @param address the first byte of the range
 * @param byteSize the length of the range in bytes, at least 1
 */
@NullMarked
public record MappedRange(long address, long byteSize) {

    /** Rejects empty ranges. */
    public MappedRange {
        if (byteSize <= 0) {
            throw new IllegalArgumentException("byteSize must be positive, was " + byteSize);
        }
    }

    /** {@return the first address past the range} */
    public long end() {
        return address + byteSize;
    }
}
