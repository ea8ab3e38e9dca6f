package io.hakmem.bench.peer;

import org.jspecify.annotations.NullMarked;

/**
 * One allocator as a workload sees it: opaque block handles, an 8-byte write and read at offset 0,
 * and free.
 *
 * <p>Handles are {@code Object} because Netty hands out {@code ByteBuf}s and the JDK arena peer
 * needs its arena back; every other peer hands out {@link java.lang.foreign.MemorySegment}s. Each
 * JMH fork uses a single peer class, so the calls stay monomorphic and inline.
 *
 * <pre>{@code
 * try (Peer peer = PeerKind.MALLOC.create(false)) {
 *     Object block = peer.allocate(16);
 *     peer.write(block, 42);
 *     peer.free(block);
 * }
 * }</pre>
 */
@NullMarked
public abstract class Peer implements AutoCloseable {

    /**
     * @param size bytes, 1 to 256 KiB
     * @return a handle for {@link #write}, {@link #read} and {@link #free}
     */
    public abstract Object allocate(long size);

    /**
     * Stores 8 bytes at the start of the block.
     *
     * @param block a live handle
     * @param value what to store
     */
    public abstract void write(Object block, long value);

    /**
     * @param block a live handle
     * @return the 8 bytes at the start of the block
     */
    public abstract long read(Object block);

    /** @param block a live handle; it is dead afterwards */
    public abstract void free(Object block);

    /**
     * Prepares the calling thread to allocate and free. Every thread other than the one that
     * created the peer must call it before its first {@link #allocate} or {@link #free}; it is
     * cheap when repeated. Only rpmalloc needs it (its threads otherwise have no heap and crash
     * the JVM), but callers do not special-case one peer.
     */
    public void registerThread() {}

    /** Gives memory that no live block uses back to the OS, where the allocator can. */
    public void trim() {}

    /** Releases everything; live handles become invalid. */
    @Override
    public void close() {}
}
