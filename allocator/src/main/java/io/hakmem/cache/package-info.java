/**
 * Thread caches: per-thread magazines of free tiny blocks in front of the slab layer, their
 * drains and their revocation by other threads, plus the shared background trimmer.
 */
@NullMarked
package io.hakmem.cache;

import org.jspecify.annotations.NullMarked;
