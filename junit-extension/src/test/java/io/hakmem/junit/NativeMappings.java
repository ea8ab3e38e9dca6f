package io.hakmem.junit;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;

/** Raw mmap for tests that need a mapping no arena made. */
final class NativeMappings {

    private static final int PROT_NONE = 0;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MAP_NORESERVE = 0x4000;

    private static final MethodHandle MMAP =
            libc("mmap", JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    private static final MethodHandle MPROTECT = libc("mprotect", JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    private static final MethodHandle MUNMAP = libc("munmap", JAVA_INT, JAVA_LONG, JAVA_LONG);

    private NativeMappings() {}

    /** Read-write, private, anonymous and MAP_NORESERVE, as the allocator's OS layer maps. */
    static AddressRange mapLikeASuperSlab(long size) throws Throwable {
        return map(size, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS | MAP_NORESERVE);
    }

    /** As glibc maps a thread stack: inaccessible, then opened up above a guard. */
    static AddressRange mapLikeAThreadStack(long size, long guard) throws Throwable {
        AddressRange stack = map(size, PROT_NONE, MAP_PRIVATE_ANONYMOUS);
        int rc = (int) MPROTECT.invokeExact(stack.start() + guard, size - guard, PROT_READ_WRITE);
        if (rc != 0) {
            throw new IllegalStateException("mprotect failed: " + rc);
        }
        return stack;
    }

    static void unmap(AddressRange range) throws Throwable {
        int rc = (int) MUNMAP.invokeExact(range.start(), range.end() - range.start());
        if (rc != 0) {
            throw new IllegalStateException("munmap of " + range + " failed: " + rc);
        }
    }

    private static MethodHandle libc(String name, MemoryLayout returns, MemoryLayout... arguments) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(
                linker.defaultLookup().find(name).orElseThrow(), FunctionDescriptor.of(returns, arguments));
    }

    private static AddressRange map(long size, int prot, int flags) throws Throwable {
        long address = (long) MMAP.invokeExact(0L, size, prot, flags, -1, 0L);
        if (address == -1L) {
            throw new IllegalStateException("mmap of " + size + " bytes failed");
        }
        return new AddressRange(address, address + size);
    }
}
