package io.hakmem.bench.peer;

import io.hakmem.HakmemConfig;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.jspecify.annotations.NullMarked;

/**
 * Every allocator in the comparison. JMH takes these names as the {@code peer} parameter, e.g.
 * {@code -p peer=FLOOR,HAKMEM}.
 *
 * <pre>{@code
 * try (Peer peer = PeerKind.HAKMEM.create(false)) {
 *     peer.free(peer.allocate(16));
 * }
 * }</pre>
 */
@NullMarked
public enum PeerKind {
    /** Intrusive free lists over one pre-mapped region: the lower bound. */
    FLOOR("floor"),
    /** glibc malloc/free through FFM critical downcalls. */
    MALLOC("malloc"),
    /** {@code Arena.ofConfined()} per block ({@code ofShared()} where blocks cross threads). */
    ARENA("Arena per block"),
    /** Netty {@code PooledByteBufAllocator} direct buffers, configured as its DEFAULT. */
    NETTY_POOLED("Netty pooled"),
    /** Netty 4.2's {@code AdaptiveByteBufAllocator} direct buffers, default settings. */
    NETTY_ADAPTIVE("Netty adaptive"),
    /** hakmem-java with default settings (magazines on). */
    HAKMEM("hakmem"),
    /** hakmem-java with thread caches off ({@code magazineCapacity(0)}). */
    HAKMEM_NO_MAG("hakmem magCap=0"),
    /** hakmem-java without clearing blocks ({@code zeroOnAllocate(false)}), as malloc and Netty. */
    HAKMEM_NO_ZERO("hakmem no zeroing");

    private final String label;

    PeerKind(String label) {
        this.label = label;
    }

    /** @return the name the report prints */
    public String label() {
        return label;
    }

    /**
     * @param crossThread whether blocks may be freed by another thread than the one that
     *                    allocated them
     * @return a new instance of this allocator
     */
    public Peer create(boolean crossThread) {
        return switch (this) {
            case FLOOR -> crossThread ? new ConcurrentFloorPeer() : new FloorPeer();
            case MALLOC -> new MallocPeer();
            case ARENA -> new ArenaPeer(crossThread);
            case NETTY_POOLED -> new NettyPeer(new PooledByteBufAllocator(true));
            case NETTY_ADAPTIVE -> new NettyPeer(new AdaptiveByteBufAllocator());
            case HAKMEM -> new HakmemPeer(HakmemConfig.defaults());
            case HAKMEM_NO_MAG -> new HakmemPeer(HakmemConfig.builder().magazineCapacity(0).build());
            case HAKMEM_NO_ZERO -> new HakmemPeer(HakmemConfig.builder().zeroOnAllocate(false).build());
        };
    }
}
