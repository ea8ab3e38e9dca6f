package io.hakmem.bench.peer;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.NullMarked;

/**
 * mimalloc 2.0 from Debian's libmimalloc2.0, through its {@code mi_} entry points. Loaded with
 * {@code dlopen}, so it does not take over the JVM's malloc even though the library can.
 */
@NullMarked
final class Mimalloc {
    private static final NativeLibrary LIB = NativeLibrary.MIMALLOC;
    /** {@code malloc} and {@code free}; its peer zeroes otherwise. */
    static final CHeapCalls CALLS = CHeapCalls.of(LIB.symbol("mi_malloc"), null, LIB.symbol("mi_free"));

    private static final MethodHandle ZALLOC =
            NativeLibrary.critical(LIB.symbol("mi_zalloc"), FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    private static final MethodHandle COLLECT =
            NativeLibrary.plain(LIB.symbol("mi_collect"), FunctionDescriptor.ofVoid(JAVA_BOOLEAN));

    private Mimalloc() {}

    static long zalloc(long size) {
        try {
            return (long) ZALLOC.invokeExact(size);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** {@code mi_collect(true)}: frees the calling thread's retained pages, mimalloc's trim. */
    static void collect() {
        try {
            COLLECT.invokeExact(true);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
