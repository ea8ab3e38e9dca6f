package io.hakmem.bench.peer;

import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.NullMarked;

/**
 * rpmalloc as LWJGL ships it. The library exports JNI functions only, so the C entry points are
 * reached in two steps: LWJGL's {@code rpmalloc_address} and {@code rpfree_address} return the
 * addresses of {@code rpmalloc} and {@code rpfree}, which are then called directly. Those JNI
 * wrappers, {@code nrpmalloc_initialize} and {@code rpmalloc_thread_initialize} never read their
 * {@code JNIEnv*} and {@code jclass} arguments (the address getters are a single
 * {@code lea; ret}, the initializers read only rpmalloc's globals and thread-local heap), so zeros
 * stand in for them.
 *
 * <p>rpmalloc keeps a heap per thread and dereferences it without a check: a thread that
 * allocates before {@link #initializeThread()} crashes the JVM.
 */
@NullMarked
final class Rpmalloc {
    private static final String JNI = "Java_org_lwjgl_system_rpmalloc_RPmalloc_";
    private static final NativeLibrary LIB = NativeLibrary.RPMALLOC;
    private static final FunctionDescriptor JNI_ADDRESS = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle THREAD_INITIALIZE = NativeLibrary.plain(
            LIB.symbol(JNI + "rpmalloc_1thread_1initialize"), FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));
    private static final MethodHandle THREAD_INITIALIZED = NativeLibrary.critical(
            LIB.symbol(JNI + "nrpmalloc_1is_1thread_1initialized"),
            FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_LONG, JAVA_LONG));
    /** {@code malloc} and {@code free}; rpmalloc's peer does not zero. */
    static final CHeapCalls CALLS = CHeapCalls.of(entryPoint("rpmalloc_1address"), null, entryPoint("rpfree_1address"));

    static {
        // Once per process; the call returns early if rpmalloc is already set up.
        MethodHandle initialize = NativeLibrary.plain(
                LIB.symbol(JNI + "nrpmalloc_1initialize"), FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
        int result;
        try {
            result = (int) initialize.invokeExact(0L, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (result != 0) {
            throw new IllegalStateException("rpmalloc_initialize returned " + result);
        }
    }

    private Rpmalloc() {}

    @SuppressWarnings("restricted")
    private static MemorySegment entryPoint(String getter) {
        MethodHandle handle = NativeLibrary.plain(LIB.symbol(JNI + getter), JNI_ADDRESS);
        long address;
        try {
            address = (long) handle.invokeExact(0L, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        if (address == 0) {
            throw new IllegalStateException(getter + " returned NULL");
        }
        return MemorySegment.ofAddress(address);
    }

    /** Gives the calling thread its rpmalloc heap; cheap and harmless when it already has one. */
    static void initializeThread() {
        try {
            THREAD_INITIALIZE.invokeExact(0L, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    static boolean threadInitialized() {
        try {
            return (boolean) THREAD_INITIALIZED.invokeExact(0L, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
