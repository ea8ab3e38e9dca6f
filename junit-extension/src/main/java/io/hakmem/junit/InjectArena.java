package io.hakmem.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a non-static {@link io.hakmem.HakmemArena} field that {@link HakmemExtension} sets before
 * each test, to the same fresh arena that the test's parameters and {@code @BeforeEach} methods get.
 *
 * <p>It registers {@link HakmemExtension} by itself: no {@code @ExtendWith} is needed.
 *
 * <pre>{@code
 * class BufferTest {
 *     @InjectArena
 *     HakmemArena arena;
 *
 *     @Test
 *     void roundTrip() {
 *         MemorySegment s = arena.allocate(64);
 *         arena.free(s);
 *     }
 * }
 * }</pre>
 *
 * <p>In Kotlin: {@code @InjectArena lateinit var arena: HakmemArena}.
 *
 * <p>Not for a class with {@code @TestInstance(Lifecycle.PER_CLASS)} whose tests run concurrently:
 * its one instance would hold whichever test's arena was set last. The extension rejects that
 * combination; take a {@code HakmemArena} parameter in such a class.
 */
@NullMarked
@ExtendWith(HakmemExtension.class)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectArena {}
