/**
 * The allocator's hook for test tools: every open {@code HakmemArena} of the process,
 * with the place that created it, and a listener that sees each allocation and free of every arena.
 * Exported only to {@code io.hakmem.junit}; on the class path it is visible, but not an API.
 *
 * <pre>{@code
 * ArenaWatch.install(listener);          // from now on every arena reports to it
 * for (HakmemArena arena : ArenaWatch.openArenas(HakmemArena.class)) { ... }
 * }</pre>
 */
@NullMarked
package io.hakmem.watch;

import org.jspecify.annotations.NullMarked;
