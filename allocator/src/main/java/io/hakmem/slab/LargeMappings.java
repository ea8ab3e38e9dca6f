package io.hakmem.slab;

import io.hakmem.os.OsMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Blocks too large or too aligned for slabs: each gets its own mapping, unmapped on free. Each
 * mapping has its own shared scope, closed before the unmap, so stale segments throw.
 * Guarded by the heap lock: every method but {@code mappedSize} asserts that the caller holds it.
 */
@NullMarked
public final class LargeMappings {

    private static final long PAGE = 4096;

    private record Mapping(long base, long mappedBytes, long requestedBytes, Arena lifetime, MemorySegment segment) {}

    private final OsMemory os;
    private final Map<Long, Mapping> byAddress = new HashMap<>();
    private long mappedBytes;
    private final java.util.Set<MemorySegment.Scope> releasedScopes;
    private final ReentrantLock lock;

    /**
     * @param os where the mappings come from
     * @param releasedScopes where the scopes of unmapped blocks go, to tell a second free
     * @param lock the heap's lock, which guards this object
     */
    LargeMappings(OsMemory os, java.util.Set<MemorySegment.Scope> releasedScopes, ReentrantLock lock) {
        this.os = os;
        this.releasedScopes = releasedScopes;
        this.lock = lock;
    }

    /**
     * @return the bytes a block of {@code byteSize} maps, or -1 when the size rounded up to whole
     *     pages, plus the over-mapping needed for the alignment, would overflow a long
     */
    static long mappedSize(long byteSize, long alignment) {
        if (byteSize > Long.MAX_VALUE - PAGE - Math.max(PAGE, alignment)) {
            return -1;
        }
        return Math.max(PAGE, (byteSize + PAGE - 1) & -PAGE);
    }

    /** {@return a fresh, zeroed segment, or 0-address failure reported as null} */
    @Nullable
    MemorySegment map(long byteSize, long alignment) {
        assert lock.isHeldByCurrentThread();
        long bytes = mappedSize(byteSize, alignment);
        if (bytes < 0) {
            return null;
        }
        long base = os.map(bytes, Math.max(PAGE, alignment));
        if (base == 0) {
            return null;
        }
        Arena lifetime = Arena.ofShared();
        MemorySegment segment = MemorySegment.ofAddress(base).reinterpret(byteSize, lifetime, null);
        byAddress.put(base, new Mapping(base, bytes, byteSize, lifetime, segment));
        mappedBytes += bytes;
        return segment;
    }

    /** {@return the requested size of the mapping starting at {@code address}, or -1} */
    public long requestedBytes(long address) {
        assert lock.isHeldByCurrentThread();
        Mapping m = byAddress.get(address);
        return m == null ? -1 : m.requestedBytes;
    }

    /** {@return whether {@code segment} is a live large block's own segment} */
    public boolean owns(MemorySegment segment) {
        assert lock.isHeldByCurrentThread();
        Mapping m = byAddress.get(segment.address());
        return m != null && m.segment.scope() == segment.scope();
    }

    /**
     * {@return the requested size of the live block that contains {@code address} past its
     * start, or -1}: tells an interior pointer from a foreign one
     */
    public long containing(long address) {
        assert lock.isHeldByCurrentThread();
        for (Mapping m : byAddress.values()) {
            if (address > m.base && address < m.base + m.requestedBytes) {
                return m.requestedBytes;
            }
        }
        return -1;
    }

    /** Unmaps the block at {@code address}; returns its requested size. */
    long unmap(long address) {
        assert lock.isHeldByCurrentThread();
        Mapping m = byAddress.remove(address);
        if (m == null) {
            throw new IllegalStateException("no large block at 0x" + Long.toHexString(address));
        }
        io.hakmem.os.SharedScopes.close(m.lifetime);
        releasedScopes.add(m.segment.scope());
        os.unmap(m.base, m.mappedBytes);
        mappedBytes -= m.mappedBytes;
        return m.requestedBytes;
    }

    /** {@return live large blocks} */
    public int count() {
        assert lock.isHeldByCurrentThread();
        return byAddress.size();
    }

    long mappedBytes() {
        assert lock.isHeldByCurrentThread();
        return mappedBytes;
    }

    long residentBytes() {
        assert lock.isHeldByCurrentThread();
        return ResidentBytes.of(os, this::forEachMapping);
    }

    /** Calls {@code visitor} for each live large block. */
    void forEach(SlabHeap.BlockVisitor visitor) {
        assert lock.isHeldByCurrentThread();
        for (Mapping m : byAddress.values()) {
            if (!visitor.visit(m.base, m.requestedBytes)) {
                return;
            }
        }
    }

    /** Calls {@code visitor} with the base and mapped length of each mapping. */
    void forEachMapping(SlabHeap.RangeVisitor visitor) {
        assert lock.isHeldByCurrentThread();
        for (Mapping m : byAddress.values()) {
            visitor.visit(m.base, m.mappedBytes);
        }
    }

    void closeAll() {
        assert lock.isHeldByCurrentThread();
        for (Long address : byAddress.keySet().toArray(new Long[0])) {
            unmap(address);
        }
    }
}
