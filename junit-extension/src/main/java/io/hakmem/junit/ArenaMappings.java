package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The address ranges an arena maps straight from the OS, the ones {@code /proc/self/maps} must stop
 * showing after close.
 */
@NullMarked
final class ArenaMappings {

    private ArenaMappings() {
    }

    /**
     * Empty until the allocator lists its mappings ({@code HakmemArena.mappedRanges()}, prepared on
     * branch junit-ranges); until then the OS check has nothing to compare.
     */
    static List<AddressRange> of(HakmemArena arena) {
        return List.of();
    }
}
