/** JMH workloads, ports of the standard allocator benchmarks; each runs once per {@link io.hakmem.bench.peer.PeerKind}. */
@NullMarked
package io.hakmem.bench.jmh;

import org.jspecify.annotations.NullMarked;
