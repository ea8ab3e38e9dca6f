package io.hakmem.bench.peer;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A C allocator's {@code malloc}, {@code calloc} and {@code free} as critical downcalls, for every
 * C peer alike. Held in a {@code static final} field, a record's handles are constants to C2 as
 * much as the field itself (it trusts the final fields of records), so the downcalls inline as
 * they would from {@code static final} handles of their own.
 *
 * <pre>{@code
 * static final CHeapCalls CALLS = CHeapCalls.of(lib.symbol("je_malloc"), lib.symbol("je_calloc"), lib.symbol("je_free"));
 * long address = CALLS.malloc(16);
 * CALLS.free(address);
 * }</pre>
 *
 * @param mallocHandle {@code void *malloc(size_t)}
 * @param callocHandle {@code void *calloc(size_t, size_t)}, or null where the peer zeroes otherwise
 * @param freeHandle {@code void free(void *)}
 */
@NullMarked
record CHeapCalls(MethodHandle mallocHandle, @Nullable MethodHandle callocHandle, MethodHandle freeHandle) {

    /**
     * @param malloc the address of a function of {@code malloc}'s signature
     * @param calloc the address of a function of {@code calloc}'s signature, or null
     * @param free the address of a function of {@code free}'s signature
     * @return their downcalls
     */
    static CHeapCalls of(MemorySegment malloc, @Nullable MemorySegment calloc, MemorySegment free) {
        return new CHeapCalls(
                NativeLibrary.critical(malloc, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG)),
                calloc == null
                        ? null
                        : NativeLibrary.critical(calloc, FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG)),
                NativeLibrary.critical(free, FunctionDescriptor.ofVoid(JAVA_LONG)));
    }

    /** {@return the address of {@code size} fresh bytes, 0 when the allocator has none} */
    long malloc(long size) {
        try {
            return (long) mallocHandle.invokeExact(size);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** {@return the address of {@code size} zeroed bytes, {@code calloc(1, size)}; 0 when there are none} */
    long calloc(long size) {
        MethodHandle calloc = callocHandle;
        if (calloc == null) {
            throw new UnsupportedOperationException("this allocator's peer has no calloc");
        }
        try {
            return (long) calloc.invokeExact(1L, size);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Frees a block that {@link #malloc} or {@link #calloc} returned. */
    void free(long address) {
        try {
            freeHandle.invokeExact(address);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
