/** The background trimmer's trade-off: what it costs against the memory it gives back. */
@NullMarked
package io.hakmem.bench.trim;

import org.jspecify.annotations.NullMarked;
