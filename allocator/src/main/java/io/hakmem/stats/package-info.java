/**
 * Observability on the reading side: arena names, the registry of open arenas, the table printed
 * at exit with {@code -Dhakmem.showStats=true}, the periodic {@code hakmem.ArenaStatistics} JFR
 * event and one MXBean per open arena.
 *
 * <p>Internal: the module does not export this package. Nothing here runs on an allocate or free;
 * it runs when an arena is created or closed, and when someone reads.
 */
@NullMarked
package io.hakmem.stats;

import org.jspecify.annotations.NullMarked;
