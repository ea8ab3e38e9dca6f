package io.hakmem.junit;

import io.hakmem.HakmemConfig;
import org.jspecify.annotations.NullMarked;

/** The resolved settings of one extension-managed arena. */
@NullMarked
record ArenaSettings(HakmemConfig config, LeakCheckMode leakCheck) {
}
