/**
 * JDK Flight Recorder events of the allocator's slow paths, all in category {@code hakmem}.
 *
 * <p>Internal: the module does not export this package. Users read the events by name
 * ({@code hakmem.SuperSlabMapped}, {@code hakmem.SuperSlabReleased}, {@code hakmem.SlabPurged},
 * {@code hakmem.AllocationFailure}, {@code hakmem.Trim}, {@code hakmem.MagazineDrain},
 * {@code hakmem.ArenaStatistics}) from a
 * recording, with {@code jfr print --events 'hakmem.*'}, JDK Mission Control or
 * {@code jdk.jfr.consumer}, never by class, so the classes stay free to change.
 *
 * <p>Every event is created on a slow path only (mapping, unmapping, purging, trimming, failing,
 * revoking another thread's cache) and checks {@code isEnabled()} or {@code shouldCommit()}
 * before it computes a field: without a recording the cost is one allocation that escape
 * analysis removes. {@code hakmem.ArenaStatistics} is periodic: JFR's own thread reads each open
 * arena's {@code stats()} at the recording's period, and never while no recording wants it.
 */
@NullMarked
package io.hakmem.events;

import org.jspecify.annotations.NullMarked;
