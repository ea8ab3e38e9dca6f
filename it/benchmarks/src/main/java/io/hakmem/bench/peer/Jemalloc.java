package io.hakmem.bench.peer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.NullMarked;

/**
 * jemalloc 5.3 as LWJGL builds it: every symbol carries the {@code je_} prefix, so loading it does
 * not replace the JVM's own malloc. Static final handles, so that C2 inlines the downcalls as it
 * does {@link Libc}'s.
 */
@NullMarked
final class Jemalloc {
    private static final NativeLibrary LIB = NativeLibrary.JEMALLOC;
    /** {@code malloc}, {@code calloc} and {@code free}, shared with every C peer. */
    static final CHeapCalls CALLS =
            CHeapCalls.of(LIB.symbol("je_malloc"), LIB.symbol("je_calloc"), LIB.symbol("je_free"));

    private static final MethodHandle MALLCTL = NativeLibrary.plain(
            LIB.symbol("je_mallctl"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG));
    /** {@code MALLCTL_ARENAS_ALL} is 4096: purge every arena, not just the calling thread's. */
    private static final MemorySegment PURGE_ALL = Arena.global().allocateFrom("arena.4096.purge");

    private Jemalloc() {}

    /** Returns dirty pages of all arenas to the OS, jemalloc's counterpart of malloc_trim. */
    static void purge() {
        try {
            int ignored = (int) MALLCTL.invokeExact(PURGE_ALL, 0L, 0L, 0L, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
