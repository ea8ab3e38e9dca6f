/**
 * The slab layer: SuperSlabs (2 MiB, 2 MiB-aligned mappings) split into 64 KiB slabs, spans of
 * slabs that serve one size class, and the locked heap that hands blocks to the thread caches.
 */
@NullMarked
package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;
