package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.OsBackend;
import io.hakmem.os.LinuxOsMemory;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The address ranges an arena maps straight from the OS, the ones {@code /proc/self/maps} must stop
 * showing after close. Empty for the portable backend: its memory comes from the JDK's arenas, and
 * malloc may keep freed memory mapped for reuse.
 */
@NullMarked
final class ArenaMappings {

    private ArenaMappings() {
    }

    static List<AddressRange> of(HakmemArena arena) {
        if (!mapsFromOs(arena.config().osBackend())) {
            return List.of();
        }
        return arena.mappedRanges().stream().map(r -> new AddressRange(r.address(), r.end())).toList();
    }

    private static boolean mapsFromOs(OsBackend backend) {
        return switch (backend) {
            case LINUX -> true;
            case PORTABLE -> false;
            case AUTO -> LinuxOsMemory.isSupported();
        };
    }
}
