/** The test_scaling memory comparison: one JVM per allocator, resident and heap cost of N live 16 B blocks. */
@NullMarked
package io.hakmem.bench.memory;

import org.jspecify.annotations.NullMarked;
