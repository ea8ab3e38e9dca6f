package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.OsBackend;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The address ranges an arena maps straight from the OS, the ones {@code /proc/self/maps} must stop
 * showing after close. Empty for the portable backend: its memory comes from the JDK's arenas, and
 * malloc may keep freed memory mapped for reuse.
 */
@NullMarked
final class ArenaMappings {

    private ArenaMappings() {}

    static List<AddressRange> of(HakmemArena arena) {
        if (arena.config().osBackend().resolved() != OsBackend.LINUX) {
            return List.of();
        }
        return arena.mappedRanges().stream()
                .map(r -> new AddressRange(r.address(), r.end()))
                .toList();
    }
}
