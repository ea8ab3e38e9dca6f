/**
 * Text for people, shared by the allocator, the JUnit extension and the Maven plugin. Compiled
 * for Java 17, unlike the rest of the allocator, so that the plugin can load it from this jar.
 */
@NullMarked
package io.hakmem.text;

import org.jspecify.annotations.NullMarked;
