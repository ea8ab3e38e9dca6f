package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/** The address ranges an arena maps right now, as the allocator reports them. */
@NullMarked
final class ArenaMappings {

    private ArenaMappings() {
    }

    static List<AddressRange> of(HakmemArena arena) {
        // Needs an allocator API listing its mappings (asked of the allocator's owner).
        return List.of();
    }
}
