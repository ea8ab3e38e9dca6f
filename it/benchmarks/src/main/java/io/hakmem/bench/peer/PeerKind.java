package io.hakmem.bench.peer;

import io.hakmem.HakmemConfig;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Every allocator in the comparison. JMH takes these names as the {@code peer} parameter, e.g.
 * {@code -p peer=FLOOR,HAKMEM}.
 *
 * <p>Each allocator either clears the blocks it hands out or does not, and is compared with its
 * own kind: hakmem's default (zeroing) with calloc, je_calloc, mi_zalloc and Arena; hakmem with
 * {@code zeroOnAllocate(false)} with malloc, jemalloc, rpmalloc, mimalloc, Netty and the floor.
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
    FLOOR("floor", false),
    /** glibc malloc/free through FFM critical downcalls. */
    MALLOC("malloc", false),
    /** glibc calloc(1, n)/free, the C baseline for zeroing allocators. */
    CALLOC("calloc", true),
    /** jemalloc 5.3 (LWJGL's build) je_malloc/je_free through critical downcalls. */
    JEMALLOC("jemalloc", false),
    /** jemalloc's je_calloc(1, n)/je_free. */
    JE_CALLOC("je_calloc", true),
    /** rpmalloc (LWJGL's build) rpmalloc/rpfree through critical downcalls. */
    RPMALLOC("rpmalloc", false),
    /** mimalloc 2.0 (Debian's libmimalloc2.0, if installed) mi_malloc/mi_free. */
    MIMALLOC("mimalloc", false),
    /** mimalloc's mi_zalloc/mi_free. */
    MI_ZALLOC("mi_zalloc", true),
    /** {@code Arena.ofConfined()} per block ({@code ofShared()} where blocks cross threads). */
    ARENA("Arena per block", true),
    /** Netty {@code PooledByteBufAllocator} direct buffers, configured as its DEFAULT. */
    NETTY_POOLED("Netty pooled", false),
    /** Netty 4.2's {@code AdaptiveByteBufAllocator} direct buffers, default settings. */
    NETTY_ADAPTIVE("Netty adaptive", false),
    /** hakmem-java with default settings (magazines on, blocks zeroed). */
    HAKMEM("hakmem", true),
    /** hakmem-java with thread caches off ({@code magazineCapacity(0)}). */
    HAKMEM_NO_MAG("hakmem magCap=0", true),
    /** hakmem-java without clearing blocks ({@code zeroOnAllocate(false)}), as malloc and Netty. */
    HAKMEM_NO_ZERO("hakmem no zeroing", false);

    private final String label;
    private final boolean zeroing;

    PeerKind(String label, boolean zeroing) {
        this.label = label;
        this.zeroing = zeroing;
    }

    /** @return the name the report prints */
    public String label() {
        return label;
    }

    /** @return whether the blocks it hands out are cleared, which decides whom it is compared with */
    public boolean zeroing() {
        return zeroing;
    }

    /** @return the C allocator of the same kind that ratios are taken against: calloc or malloc */
    public PeerKind cBaseline() {
        return zeroing ? CALLOC : MALLOC;
    }

    /** @return hakmem's configuration of the same kind: the default or {@code zeroOnAllocate(false)} */
    public PeerKind hakmem() {
        return zeroing ? HAKMEM : HAKMEM_NO_ZERO;
    }

    /** @return false if its shared library is missing; {@link #note()} says why */
    public boolean available() {
        NativeLibrary library = library();
        return library == null || library.available();
    }

    /** @return where its library came from or why it is skipped; empty for pure-Java peers */
    public String note() {
        NativeLibrary library = library();
        return library == null ? "" : library.note();
    }

    /** @return the peers that can run here, in declaration order */
    public static List<PeerKind> availableKinds() {
        return Arrays.stream(values()).filter(PeerKind::available).toList();
    }

    private @Nullable NativeLibrary library() {
        return switch (this) {
            case JEMALLOC, JE_CALLOC -> NativeLibrary.JEMALLOC;
            case RPMALLOC -> NativeLibrary.RPMALLOC;
            case MIMALLOC, MI_ZALLOC -> NativeLibrary.MIMALLOC;
            default -> null;
        };
    }

    /**
     * @param crossThread whether blocks may be freed by another thread than the one that
     *                    allocated them
     * @return a new instance of this allocator, its creating thread registered
     * @throws IllegalStateException if the allocator's library is missing
     */
    public Peer create(boolean crossThread) {
        if (!available()) {
            throw new IllegalStateException(note());
        }
        return switch (this) {
            case FLOOR -> crossThread ? new ConcurrentFloorPeer() : new FloorPeer();
            case MALLOC -> new MallocPeer(false);
            case CALLOC -> new MallocPeer(true);
            case JEMALLOC -> new JemallocPeer(false);
            case JE_CALLOC -> new JemallocPeer(true);
            case RPMALLOC -> new RpmallocPeer();
            case MIMALLOC -> new MimallocPeer(false);
            case MI_ZALLOC -> new MimallocPeer(true);
            case ARENA -> new ArenaPeer(crossThread);
            case NETTY_POOLED -> new NettyPeer(new PooledByteBufAllocator(true));
            case NETTY_ADAPTIVE -> new NettyPeer(new AdaptiveByteBufAllocator());
            case HAKMEM -> new HakmemPeer(HakmemConfig.defaults());
            case HAKMEM_NO_MAG ->
                new HakmemPeer(HakmemConfig.builder().magazineCapacity(0).build());
            case HAKMEM_NO_ZERO ->
                new HakmemPeer(HakmemConfig.builder().zeroOnAllocate(false).build());
        };
    }
}
