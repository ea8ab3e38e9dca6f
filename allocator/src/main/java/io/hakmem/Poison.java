package io.hakmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Fills freed blocks with a pattern and finds damage on reuse. The first 8 bytes are skipped:
 * they hold the free-list link while the block is free.
 */
@NullMarked
final class Poison {

    static final byte PATTERN = (byte) 0xDB;
    private static final long LINK = 8;

    void fill(MemorySegment block) {
        if (block.byteSize() > LINK) {
            block.asSlice(LINK).fill(PATTERN);
        }
    }

    /**
     * Checks a recycled whole block for writes made after it was freed.
     *
     * @return the exception describing the first damaged byte, or null when the block is intact
     */
    @Nullable
    IllegalStateException damage(MemorySegment block) {
        long bad = firstDamaged(block);
        if (bad < 0) {
            return null;
        }
        byte found = block.get(ValueLayout.JAVA_BYTE, bad);
        return new IllegalStateException("write after free detected in block 0x" + Long.toHexString(block.address())
                + " (" + block.byteSize() + " B): byte " + bad + " is 0x" + Integer.toHexString(found & 0xff)
                + ", expected the poison 0x" + Integer.toHexString(PATTERN & 0xff));
    }

    /** {@return the offset of the first byte that is not the pattern, or -1} */
    private long firstDamaged(MemorySegment block) {
        for (long i = LINK; i < block.byteSize(); i++) {
            if (block.get(ValueLayout.JAVA_BYTE, i) != PATTERN) {
                return i;
            }
        }
        return -1;
    }
}
