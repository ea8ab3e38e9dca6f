package io.hakmem.slab;

import io.hakmem.os.OsMemory;
import java.util.function.Consumer;
import org.jspecify.annotations.NullMarked;

/** Sums the resident bytes of a set of mapped ranges, as the OS layer reports them. */
@NullMarked
final class ResidentBytes {

    private ResidentBytes() {}

    /**
     * @param ranges calls its visitor once for each range
     * @return the bytes of those ranges resident in RAM, or -1 when the OS cannot tell for one
     */
    static long of(OsMemory os, Consumer<SlabHeap.RangeVisitor> ranges) {
        long[] total = {0};
        ranges.accept((base, bytes) -> {
            if (total[0] >= 0) {
                long r = os.residentBytes(base, bytes);
                total[0] = r < 0 ? -1 : total[0] + r;
            }
        });
        return total[0];
    }
}
