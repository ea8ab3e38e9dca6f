package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.watch.ArenaWatch;
import org.jspecify.annotations.NullMarked;

/** Names an arena in reports by where it was created. */
@NullMarked
final class ArenaDescriptions {

    private ArenaDescriptions() {}

    static String of(HakmemArena arena) {
        if (arena.isGlobal()) {
            return "HakmemArena.global()";
        }
        ArenaWatch.Origin origin = ArenaWatch.origin(arena);
        if (origin == null) {
            return "a HakmemArena created at an unknown site";
        }
        String site = LeakGroups.userStack(origin.site()).stream()
                .findFirst()
                .map(UserFrames::format)
                .orElse(origin.where());
        return "the HakmemArena created at " + site;
    }
}
