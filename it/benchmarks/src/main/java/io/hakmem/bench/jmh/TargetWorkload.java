package io.hakmem.bench.jmh;

import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings of the workloads that hakmem's targets are checked on: 3 x 1 s of warm-up and
 * 5 x 1 s measured, longer than {@link BenchmarkDefaults}, because the targets are tight ratios.
 */
@NullMarked
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class TargetWorkload extends BenchmarkDefaults {}
