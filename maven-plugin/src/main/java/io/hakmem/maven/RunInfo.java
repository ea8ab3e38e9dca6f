package io.hakmem.maven;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * How and where the budgets were run, for the reports: enough to tell two runs apart and to
 * repeat one.
 *
 * <pre>{@code
 * RunInfo info = new RunInfo(3, "25.0.1", "2026-11-25T10:00:00Z", "3f2a9c1", "ci-runner-7", "hakmem-baseline.json");
 * }</pre>
 *
 * @param repeat runs per budget; the figures are medians
 * @param javaVersion the version of the JVM that ran the budgets
 * @param date when the run started, ISO-8601
 * @param commit the project's git commit, or null when git is not there
 * @param host the machine's name
 * @param baselineFile the baseline compared with, or null when there was none
 */
@NullMarked
public record RunInfo(
        int repeat,
        String javaVersion,
        String date,
        @Nullable String commit,
        String host,
        @Nullable String baselineFile) {}
