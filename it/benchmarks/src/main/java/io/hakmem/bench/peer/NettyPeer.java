package io.hakmem.bench.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.NullMarked;

/** A Netty allocator's direct buffers: allocate, {@code setLong}, {@code release}. */
@NullMarked
final class NettyPeer extends Peer {
    private final ByteBufAllocator allocator;

    NettyPeer(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public Object allocate(long size) {
        return allocator.directBuffer((int) size, (int) size);
    }

    @Override
    public void write(Object block, long value) {
        ((ByteBuf) block).setLongLE(0, value);
    }

    @Override
    public long read(Object block) {
        return ((ByteBuf) block).getLongLE(0);
    }

    @Override
    public void free(Object block) {
        ((ByteBuf) block).release();
    }
}
