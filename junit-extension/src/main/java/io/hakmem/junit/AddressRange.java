package io.hakmem.junit;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** An address range {@code [start, end)}, compared as unsigned numbers. */
@NullMarked
record AddressRange(long start, long end) {

    AddressRange {
        if (Long.compareUnsigned(start, end) > 0) {
            throw new IllegalArgumentException(
                    "range start 0x" + Long.toHexString(start) + " is past its end 0x" + Long.toHexString(end));
        }
    }

    boolean overlaps(AddressRange other) {
        return Long.compareUnsigned(start, other.end) < 0 && Long.compareUnsigned(other.start, end) < 0;
    }

    /** {@return the part of this range that is also in {@code other}, or null when they do not overlap} */
    @Nullable
    AddressRange intersection(AddressRange other) {
        if (!overlaps(other)) {
            return null;
        }
        return new AddressRange(
                Long.compareUnsigned(start, other.start) >= 0 ? start : other.start,
                Long.compareUnsigned(end, other.end) <= 0 ? end : other.end);
    }

    /** {@return the parts of this range that none of {@code holes} covers, in address order} */
    List<AddressRange> minus(List<AddressRange> holes) {
        List<AddressRange> left = new ArrayList<>(List.of(this));
        for (AddressRange hole : holes) {
            List<AddressRange> next = new ArrayList<>();
            for (AddressRange piece : left) {
                if (!piece.overlaps(hole)) {
                    next.add(piece);
                    continue;
                }
                if (Long.compareUnsigned(piece.start, hole.start) < 0) {
                    next.add(new AddressRange(piece.start, hole.start));
                }
                if (Long.compareUnsigned(hole.end, piece.end) < 0) {
                    next.add(new AddressRange(hole.end, piece.end));
                }
            }
            left = next;
        }
        return left;
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(start) + "-0x" + Long.toHexString(end);
    }
}
