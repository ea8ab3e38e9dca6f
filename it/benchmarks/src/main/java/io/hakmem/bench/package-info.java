/** Benchmarks of hakmem-java against its peers: the entry point {@link io.hakmem.bench.BenchMain} runs JMH, the memory comparison and the report in one go. */
@NullMarked
package io.hakmem.bench;

import org.jspecify.annotations.NullMarked;
