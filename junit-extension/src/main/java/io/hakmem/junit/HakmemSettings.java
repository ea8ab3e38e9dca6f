package io.hakmem.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.NullMarked;

/**
 * Settings of the arenas that {@link HakmemExtension} creates, on a test class (also inherited by
 * {@code @Nested} classes and subclasses) or on a test method. Each attribute left at its
 * "inherit" value takes the value of the next level out: method, then class (innermost first),
 * then the configuration parameter, then the built-in default.
 *
 * <table>
 *   <caption>Attributes, configuration parameters and defaults</caption>
 *   <tr><th>attribute</th><th>configuration parameter</th><th>default</th></tr>
 *   <tr><td>{@link #magazineCapacity()}</td><td>{@code hakmem.magazineCapacity}</td>
 *       <td>{@link io.hakmem.HakmemConfig#defaults()}</td></tr>
 *   <tr><td>{@link #zeroOnAllocate()}</td><td>{@code hakmem.zeroOnAllocate}</td>
 *       <td>{@link io.hakmem.HakmemConfig#defaults()}</td></tr>
 *   <tr><td>{@link #trackAllocationSites()}</td><td>{@code hakmem.trackAllocationSites}</td>
 *       <td>on</td></tr>
 *   <tr><td>{@link #leakCheck()}</td><td>{@code hakmem.leakCheck}</td>
 *       <td>{@link LeakCheckMode#FAIL}</td></tr>
 *   <tr><td>{@link #detectUseAfterFree()}</td><td>{@code hakmem.detectUseAfterFree}</td>
 *       <td>off</td></tr>
 *   <tr><td>{@link #ignoreLeaksFrom()}</td><td>{@code hakmem.ignoreLeaksFrom} (comma-separated)</td>
 *       <td>none</td></tr>
 *   <tr><td>{@link #stackDepth()}</td><td>{@code hakmem.stackDepth}</td><td>8</td></tr>
 *   <tr><td>{@link #unclosedArenas()}</td><td>{@code hakmem.unclosedArenas}</td>
 *       <td>{@link LeakCheckMode#WARN}</td></tr>
 * </table>
 *
 * <p>Configuration parameters come from {@code junit-platform.properties}, system properties or
 * the launcher; invalid values fail the test with a message naming the key and the value.
 *
 * <pre>{@code
 * @ExtendWith(HakmemExtension.class)
 * @HakmemSettings(magazineCapacity = 0, trackAllocationSites = Toggle.ON)
 * class CodecTest {
 *     @Test
 *     @HakmemSettings(leakCheck = LeakCheckMode.WARN)   // this one may leak, and says so
 *     void tolerated(HakmemArena arena) { ... }
 * }
 * }</pre>
 */
@NullMarked
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface HakmemSettings {

    /** The value of {@link #magazineCapacity()} that defers to the enclosing level. */
    int INHERIT = -1;

    /**
     * Blocks each thread may cache per size class; 0 turns thread caches off, which makes the
     * reclamation check independent of which thread freed a block.
     *
     * @return 0 to 65536, or {@link #INHERIT}
     */
    int magazineCapacity() default INHERIT;

    /** {@return whether segments come back zero-filled} */
    Toggle zeroOnAllocate() default Toggle.INHERIT;

    /** {@return whether each block remembers where it was allocated, for leak reports} */
    Toggle trackAllocationSites() default Toggle.INHERIT;

    /** {@return what happens when a test leaks} */
    LeakCheckMode leakCheck() default LeakCheckMode.INHERIT;

    /**
     * Whether the injected arena gives each block a JDK scope of its own that {@code free} closes,
     * so that any access through a freed segment throws {@link IllegalStateException} and freeing
     * an old segment again is a double free; see
     * {@link io.hakmem.HakmemConfig.Builder#detectUseAfterFree(boolean)}. Arenas the code under test
     * creates read the system property {@code hakmem.detectUseAfterFree} instead.
     *
     * @return on, off, or inherit
     */
    Toggle detectUseAfterFree() default Toggle.INHERIT;

    /**
     * Suppressions, as LeakSanitizer's: a leaked block whose allocating stack has a frame whose
     * {@code package.Class.method} starts with one of these is not reported. Patterns of all levels
     * and of the configuration parameter add up.
     *
     * <pre>{@code
     * @HakmemSettings(ignoreLeaksFrom = {"com.example.Cache", "com.example.Pool.warmUp"})
     * }</pre>
     *
     * @return prefixes of {@code package.Class.method}
     */
    String[] ignoreLeaksFrom() default {};

    /**
     * Stack frames shown for each allocation site in a leak report.
     *
     * @return 1 to 32, or {@link #INHERIT}
     */
    int stackDepth() default INHERIT;

    /**
     * What an arena the test created, never closed and left empty does to the test ({@code WARN}
     * by default). An unclosed arena that still holds blocks always fails, as its blocks leak.
     *
     * @return the mode, or inherit
     */
    LeakCheckMode unclosedArenas() default LeakCheckMode.INHERIT;
}
