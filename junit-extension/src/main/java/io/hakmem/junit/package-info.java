/**
 * JUnit Jupiter support for hakmem-java: a fresh {@link io.hakmem.HakmemArena} per test, an exact
 * leak check after every test, a check that every SuperSlab went back to the OS, and AssertJ
 * assertions for arenas and their statistics.
 *
 * <pre>{@code
 * @ExtendWith(HakmemExtension.class)
 * class ParserTest {
 *     @Test
 *     void parsesHeader(HakmemArena arena) {
 *         MemorySegment header = arena.allocate(24);
 *         // ... exercise the code under test ...
 *         arena.free(header);   // forget this line and the test fails, naming this file and line
 *     }
 * }
 * }</pre>
 */
@NullMarked
package io.hakmem.junit;

import org.jspecify.annotations.NullMarked;
