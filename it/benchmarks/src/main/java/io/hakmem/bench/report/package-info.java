/** Turns JMH's JSON and the memory JSON into one Markdown report with ratios against the floor and malloc. */
@NullMarked
package io.hakmem.bench.report;

import org.jspecify.annotations.NullMarked;
