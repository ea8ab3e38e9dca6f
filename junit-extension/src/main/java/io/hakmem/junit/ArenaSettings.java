package io.hakmem.junit;

import io.hakmem.HakmemConfig;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The resolved settings of one test.
 *
 * @param config the settings of the arena the extension injects
 * @param leakCheck what a leaked block does to the test
 * @param ignoreLeaksFrom prefixes of {@code package.Class.method}; a block with a matching frame is no leak
 * @param stackDepth frames shown per allocation site
 * @param unclosedArenas what an empty arena the test created and left open does to the test
 */
@NullMarked
record ArenaSettings(
        HakmemConfig config,
        LeakCheckMode leakCheck,
        List<String> ignoreLeaksFrom,
        int stackDepth,
        LeakCheckMode unclosedArenas) {

    static final int DEFAULT_STACK_DEPTH = 8;

    ArenaSettings {
        ignoreLeaksFrom = List.copyOf(ignoreLeaksFrom);
    }
}
