/**
 * hakmem-java: an off-heap allocator with per-block {@code free} for {@code java.lang.foreign}.
 *
 * <p>{@link io.hakmem.HakmemArena} is an {@link java.lang.foreign.Arena} whose segments can be
 * given back one at a time. Memory comes from 2 MiB SuperSlabs mapped straight from the OS and
 * carved into 64 KiB slabs; empty SuperSlabs are unmapped again.
 *
 * <pre>{@code
 * try (HakmemArena arena = HakmemArena.create()) {
 *     MemorySegment block = arena.allocate(16);
 *     block.set(ValueLayout.JAVA_LONG, 0, 42L);
 *     arena.free(block);
 * }
 * }</pre>
 */
@NullMarked
package io.hakmem;

import org.jspecify.annotations.NullMarked;
