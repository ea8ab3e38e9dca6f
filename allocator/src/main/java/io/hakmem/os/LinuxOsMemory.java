package io.hakmem.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.jspecify.annotations.NullMarked;

/**
 * {@code mmap}/{@code munmap}/{@code madvise}/{@code mincore} through FFM downcalls. The
 * constants below are the same on Linux x86-64 and aarch64.
 */
@NullMarked
public final class LinuxOsMemory implements OsMemory {

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;
    private static final int MADV_DONTNEED = 4;
    private static final long MAP_FAILED = -1L;
    private static final long PAGE = 4096;

    private final MethodHandle mmap;
    private final MethodHandle munmap;
    private final MethodHandle madvise;
    private final MethodHandle mincore;

    /** @throws UnsupportedOperationException when not on Linux or a symbol is missing */
    public LinuxOsMemory() {
        if (!isSupported()) {
            throw new UnsupportedOperationException("the LINUX backend needs Linux on x86-64 or aarch64, this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch"));
        }
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option critical = Linker.Option.critical(false);
        mmap = linker.downcallHandle(
                libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_LONG),
                critical);
        munmap = linker.downcallHandle(
                libc.find("munmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                critical);
        madvise = linker.downcallHandle(
                libc.find("madvise").orElseThrow(),
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT),
                critical);
        mincore = linker.downcallHandle(
                libc.find("mincore").orElseThrow(),
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    }

    /** {@return whether this JVM runs on a platform this backend knows the constants of} */
    public static boolean isSupported() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    }

    @Override
    public long map(long bytes, long alignment) {
        // Over-map by one alignment, then cut the unaligned head and tail off: the only portable
        // way to get 2 MiB alignment from mmap.
        long span = bytes + (alignment > PAGE ? alignment : 0);
        long raw = call(mmap, span);
        if (raw == MAP_FAILED || raw == 0) {
            return 0;
        }
        long base = (raw + alignment - 1) & -alignment;
        if (base > raw) {
            unmap(raw, base - raw);
        }
        long tail = raw + span - (base + bytes);
        if (tail > 0) {
            unmap(base + bytes, tail);
        }
        if (bytes > MINCORE_LIMIT) {
            keepOwnVma(base, bytes);
        }
        return base;
    }

    /**
     * Gives a huge mapping flags its neighbours lack, so the kernel does not merge it into their
     * VMA and {@code /proc/self/smaps} reports its Rss alone; see {@link #residentBytes}. Leaving
     * a mostly empty reservation out of core dumps suits it anyway.
     */
    private void keepOwnVma(long address, long bytes) {
        try {
            int rc = (int) madvise.invokeExact(address, bytes, MADV_DONTDUMP);
            requireSuccess(rc, "madvise(MADV_DONTDUMP)", address, bytes);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            throw downcallFailed("madvise", t);
        }
    }

    private static final int MADV_DONTDUMP = 16;

    private long call(MethodHandle handle, long span) {
        try {
            return (long) handle.invokeExact(0L, span, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS_NORESERVE, -1, 0L);
        } catch (Throwable t) {
            throw downcallFailed("mmap", t);
        }
    }

    @Override
    public void unmap(long address, long bytes) {
        int rc;
        try {
            rc = (int) munmap.invokeExact(address, bytes);
        } catch (Throwable t) {
            throw downcallFailed("munmap", t);
        }
        requireSuccess(rc, "munmap", address, bytes);
    }

    @Override
    public void purge(long address, long bytes) {
        int rc;
        try {
            rc = (int) madvise.invokeExact(address, bytes, MADV_DONTNEED);
        } catch (Throwable t) {
            throw downcallFailed("madvise", t);
        }
        requireSuccess(rc, "madvise", address, bytes);
    }

    /** A failing munmap or madvise means the allocator's books are wrong: never continue silently. */
    private static void requireSuccess(int rc, String call, long address, long bytes) {
        if (rc != 0) {
            throw new IllegalStateException(call + "(0x" + Long.toHexString(address) + ", " + bytes + ") failed");
        }
    }

    private static IllegalStateException downcallFailed(String call, Throwable t) {
        return new IllegalStateException(call + " downcall failed", t);
    }

    /**
     * Past this size mincore's one byte per page costs more than asking the kernel for the
     * range's Rss, which it computes from the page tables and so skips holes in a sparse mapping:
     * a 1 TiB reservation took 350 ms per stats() through mincore.
     */
    private static final long MINCORE_LIMIT = 256L << 20;

    @Override
    public long residentBytes(long address, long bytes) {
        if (bytes > MINCORE_LIMIT) {
            long rss = SmapsRss.residentBytes(address, bytes);
            if (rss >= 0) {
                return rss;
            }
        }
        long pages = (bytes + PAGE - 1) / PAGE;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment vec = scratch.allocate(pages);
            int rc = (int) mincore.invokeExact(address, bytes, vec);
            if (rc != 0) {
                return -1;
            }
            long resident = 0;
            for (long i = 0; i < pages; i++) {
                resident += vec.get(ValueLayout.JAVA_BYTE, i) & 1;
            }
            return resident * PAGE;
        } catch (Throwable t) {
            throw downcallFailed("mincore", t);
        }
    }

    @Override
    public String name() {
        return "linux-mmap";
    }
}
