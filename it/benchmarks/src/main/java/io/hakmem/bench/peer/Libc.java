package io.hakmem.bench.peer;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.NullMarked;

/**
 * The C library calls the peers need, as critical downcalls: they are short, never block and
 * never call back, which is what {@code Linker.Option.critical(false)} asks for.
 */
@NullMarked
final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    /** {@code malloc}, {@code calloc} and {@code free}, shared with every C peer. */
    static final CHeapCalls CALLS = CHeapCalls.of(symbol("malloc"), symbol("calloc"), symbol("free"));

    private static final MethodHandle MALLOC_TRIM = handle("malloc_trim", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    private static final MethodHandle MMAP = handle(
            "mmap", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;

    private Libc() {}

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup()
                .find(name)
                .orElseThrow(() -> new IllegalStateException("C library has no symbol " + name));
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return NativeLibrary.critical(symbol(name), descriptor);
    }

    static void mallocTrim() {
        try {
            int ignored = (int) MALLOC_TRIM.invokeExact(0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Reserves lazily backed memory: pages become resident only when touched. */
    static long mmap(long size) {
        long address;
        try {
            address = (long) MMAP.invokeExact(0L, size, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS_NORESERVE, -1, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (address == -1L) {
            throw new OutOfMemoryError("mmap of " + size + " bytes failed");
        }
        return address;
    }

    static void munmap(long address, long size) {
        try {
            int ignored = (int) MUNMAP.invokeExact(address, size);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
