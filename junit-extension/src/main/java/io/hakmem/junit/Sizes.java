package io.hakmem.junit;

import io.hakmem.text.ByteUnits;
import org.jspecify.annotations.NullMarked;

/** Byte counts as people read them: {@code 72 B}, {@code 1.5 KiB}, {@code 3.0 MiB}. */
@NullMarked
final class Sizes {

    private Sizes() {}

    static String human(long bytes) {
        return ByteUnits.format(bytes);
    }

    /** {@return e.g. "3 blocks (72 B)"} */
    static String blocks(long count, long bytes) {
        return count + (count == 1 ? " block (" : " blocks (") + human(bytes) + ")";
    }
}
