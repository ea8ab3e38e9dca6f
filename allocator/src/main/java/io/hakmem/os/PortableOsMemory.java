package io.hakmem.os;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.NullMarked;

/**
 * Memory from JDK shared arenas, for systems without a native backend. It cannot hand pages
 * back without unmapping, so a purge clears the range to keep the zero-after-purge invariant,
 * and residency is unknown.
 */
@NullMarked
public final class PortableOsMemory implements OsMemory {

    private final ConcurrentHashMap<Long, Arena> mappings = new ConcurrentHashMap<>();

    @Override
    public long map(long bytes, long alignment) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = arena.allocate(bytes, alignment);
            mappings.put(segment.address(), arena);
            return segment.address();
        } catch (OutOfMemoryError e) {
            SharedScopes.close(arena);
            return 0;
        }
    }

    @Override
    public void unmap(long address, long bytes) {
        Arena arena = mappings.remove(address);
        if (arena == null) {
            throw new IllegalStateException("unmap of 0x" + Long.toHexString(address) + ", which is not mapped");
        }
        SharedScopes.close(arena);
    }

    @Override
    public void purge(long address, long bytes) {
        MemorySegment.ofAddress(address).reinterpret(bytes).fill((byte) 0);
    }

    @Override
    public long residentBytes(long address, long bytes) {
        return -1;
    }

    @Override
    public String name() {
        return "portable";
    }
}
