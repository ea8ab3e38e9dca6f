package io.hakmem.junit;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Raw mmap for tests that need a mapping no arena made. */
final class NativeMappings {

    private static final int PROT_NONE = 0;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MAP_NORESERVE = 0x4000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MMAP = LINKER.downcallHandle(
            LINKER.defaultLookup().find("mmap").orElseThrow(),
            FunctionDescriptor.of(
                    ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_LONG));
    private static final MethodHandle MPROTECT = LINKER.downcallHandle(
            LINKER.defaultLookup().find("mprotect").orElseThrow(),
            FunctionDescriptor.of(
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(
            LINKER.defaultLookup().find("munmap").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));

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

    private static AddressRange map(long size, int prot, int flags) throws Throwable {
        long address = (long) MMAP.invokeExact(0L, size, prot, flags, -1, 0L);
        if (address == -1L) {
            throw new IllegalStateException("mmap of " + size + " bytes failed");
        }
        return new AddressRange(address, address + size);
    }
}
