/** The allocators under comparison, behind one small interface so each workload runs unchanged for every peer. */
@NullMarked
package io.hakmem.bench.peer;

import org.jspecify.annotations.NullMarked;
