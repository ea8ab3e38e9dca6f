package io.hakmem.junit;

import org.jspecify.annotations.NullMarked;

/** An address range {@code [start, end)}, compared as unsigned numbers. */
@NullMarked
record AddressRange(long start, long end) {

    AddressRange {
        if (Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException("range start 0x" + Long.toHexString(start)
                    + " is past its end 0x" + Long.toHexString(end));
        }
    }

    boolean overlaps(AddressRange other) {
        return Long.compareUnsigned(start, other.end) < 0 && Long.compareUnsigned(other.start, end) < 0;
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(start) + "-0x" + Long.toHexString(end);
    }
}
