package io.hakmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.NullMarked;

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

    /** {@return the offset of the first byte that is not the pattern, or -1} */
    long firstDamaged(MemorySegment block) {
        for (long i = LINK; i < block.byteSize(); i++) {
            if (block.get(ValueLayout.JAVA_BYTE, i) != PATTERN) {
                return i;
            }
        }
        return -1;
    }
}
