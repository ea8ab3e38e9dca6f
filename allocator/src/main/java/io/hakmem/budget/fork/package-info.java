/**
 * The protocol between {@code hakmem:budget} and the JVM it forks: the runner's main class, the
 * lines it prints, its exit statuses and the keys of the request and result files. Compiled for
 * Java 17, unlike the rest of the allocator, so that the Maven plugin can load it from this jar.
 */
@NullMarked
package io.hakmem.budget.fork;

import org.jspecify.annotations.NullMarked;
