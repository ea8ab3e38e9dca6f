package io.hakmem.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NativePeerTest {
    private static final long[] SIZES = {16, 24, 128, 1024, 2048, 16384, 65536, 262144};

    /** Runs {@code body} on two new threads at once and rethrows the first failure. */
    private static void onTwoThreads(Peer peer, ThreadBody body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    peer.registerThread();
                    start.await(10, TimeUnit.SECONDS);
                    body.run(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker thread failed", failure.get());
        }
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int id) throws Exception;
    }

    /** {@return the C allocators among the peers that can run here} */
    static List<PeerKind> nativePeers() {
        return available(
                PeerKind.MALLOC,
                PeerKind.CALLOC,
                PeerKind.JEMALLOC,
                PeerKind.JE_CALLOC,
                PeerKind.RPMALLOC,
                PeerKind.MIMALLOC,
                PeerKind.MI_ZALLOC);
    }

    /** {@return the zeroing peers that can run here} */
    static List<PeerKind> zeroingPeers() {
        return available(PeerKind.CALLOC, PeerKind.JE_CALLOC, PeerKind.MI_ZALLOC, PeerKind.HAKMEM);
    }

    /**
     * Only the peers whose library loads: a missing one (mimalloc is optional) is covered by
     * {@link #mimallocRunsWhenInstalledAndIsLeftOutWithItsNoteWhenNot}, not skipped here.
     */
    private static List<PeerKind> available(PeerKind... kinds) {
        return Arrays.stream(kinds).filter(PeerKind::available).toList();
    }

    @ParameterizedTest
    @MethodSource("nativePeers")
    void twoThreadsAllocateWriteReadBackAndFreeEverySize(PeerKind kind) throws Exception {
        try (Peer peer = kind.create(true)) {
            onTwoThreads(peer, id -> {
                for (int round = 0; round < 20; round++) {
                    List<MemorySegment> blocks = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        long size = SIZES[i % SIZES.length];
                        MemorySegment block = (MemorySegment) peer.allocate(size);
                        assertThat(block.byteSize()).isEqualTo(size);
                        long tag = (long) id << 48 | (long) round << 32 | i;
                        block.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, tag);
                        block.set(ValueLayout.JAVA_LONG_UNALIGNED, size - 8, ~tag);
                        blocks.add(block);
                    }
                    for (int i = 0; i < blocks.size(); i++) {
                        MemorySegment block = blocks.get(i);
                        long tag = (long) id << 48 | (long) round << 32 | i;
                        assertThat(peer.read(block)).isEqualTo(tag);
                        assertThat(block.get(ValueLayout.JAVA_LONG_UNALIGNED, block.byteSize() - 8))
                                .isEqualTo(~tag);
                    }
                    blocks.forEach(peer::free);
                }
            });
            peer.trim();
        }
    }

    @ParameterizedTest
    @MethodSource("nativePeers")
    void blocksAllocatedOnOneThreadAreFreedOnTheOther(PeerKind kind) throws Exception {
        BlockingQueue<MemorySegment> handOver = new ArrayBlockingQueue<>(64);
        long[] sum = new long[1];
        int count = 5000;
        try (Peer peer = kind.create(true)) {
            onTwoThreads(peer, id -> {
                if (id == 0) {
                    for (int i = 0; i < count; i++) {
                        MemorySegment block = (MemorySegment) peer.allocate(16 + (i % 16) * 16);
                        peer.write(block, i);
                        handOver.put(block);
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        MemorySegment block = handOver.take();
                        sum[0] += peer.read(block);
                        peer.free(block);
                    }
                }
            });
        }
        assertThat(sum[0]).isEqualTo((long) (count - 1) * count / 2);
    }

    /** A zeroing peer must clear what a previous owner of the same memory wrote. */
    @ParameterizedTest
    @MethodSource("zeroingPeers")
    void zeroingPeersHandOutClearedBlocksEvenAfterReuse(PeerKind kind) {
        assertThat(kind.zeroing()).isTrue();
        try (Peer peer = kind.create(false)) {
            for (long size : new long[] {16, 1024, 65536}) {
                List<MemorySegment> dirty = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    MemorySegment block = (MemorySegment) peer.allocate(size);
                    block.fill((byte) 0x5A);
                    dirty.add(block);
                }
                dirty.forEach(peer::free);
                for (int i = 0; i < 50; i++) {
                    MemorySegment block = (MemorySegment) peer.allocate(size);
                    assertThat(block.mismatch(MemorySegment.ofArray(new byte[(int) size])))
                            .isEqualTo(-1L);
                    peer.free(block);
                }
            }
        }
    }

    @Test
    void rpmallocRegistersEachThreadThatAsks() throws Exception {
        assumeTrue(PeerKind.RPMALLOC.available(), PeerKind.RPMALLOC::note);
        try (Peer peer = PeerKind.RPMALLOC.create(false)) {
            assertThat(Rpmalloc.threadInitialized()).isTrue();
            boolean[] seen = new boolean[2];
            Thread thread = new Thread(() -> {
                seen[0] = Rpmalloc.threadInitialized();
                peer.registerThread();
                peer.registerThread();
                seen[1] = Rpmalloc.threadInitialized();
                peer.free(peer.allocate(64));
            });
            thread.start();
            thread.join();
            assertThat(seen).containsExactly(false, true);
        }
    }

    @Test
    void pairingPutsEachAllocatorWithItsOwnKind() {
        assertThat(PeerKind.values())
                .filteredOn(PeerKind::zeroing)
                .containsExactly(
                        PeerKind.CALLOC,
                        PeerKind.JE_CALLOC,
                        PeerKind.MI_ZALLOC,
                        PeerKind.ARENA,
                        PeerKind.HAKMEM,
                        PeerKind.HAKMEM_NO_MAG);
        assertThat(PeerKind.MI_ZALLOC.cBaseline()).isEqualTo(PeerKind.CALLOC);
        assertThat(PeerKind.MI_ZALLOC.hakmem()).isEqualTo(PeerKind.HAKMEM);
        assertThat(PeerKind.RPMALLOC.cBaseline()).isEqualTo(PeerKind.MALLOC);
        assertThat(PeerKind.RPMALLOC.hakmem()).isEqualTo(PeerKind.HAKMEM_NO_ZERO);
    }

    @Test
    void bundledLibrariesAreFoundWhereTheBuildUnpacksThem() {
        assumeTrue("amd64".equals(System.getProperty("os.arch")), "LWJGL's natives-linux jars hold x64 code only");
        assertThat(PeerKind.JEMALLOC.available()).as(PeerKind.JEMALLOC.note()).isTrue();
        assertThat(PeerKind.RPMALLOC.available()).as(PeerKind.RPMALLOC.note()).isTrue();
        assertThat(PeerKind.JEMALLOC.note()).startsWith("jemalloc loaded from ").endsWith("libjemalloc.so");
    }

    @Test
    void aMissingLibrarySkipsItsPeersWithANote() {
        NativeLibrary missing = NativeLibrary.system(
                "mimalloc", "libhakmem-absent.so.2", "install Debian's libmimalloc2.0 to include it");
        assertThat(missing.available()).isFalse();
        assertThat(missing.note())
                .startsWith("mimalloc skipped: libhakmem-absent.so.2 could not be loaded")
                .endsWith("; install Debian's libmimalloc2.0 to include it");
        assertThatThrownBy(() -> missing.symbol("mi_malloc")).hasMessage(missing.note());
    }

    @Test
    void mimallocRunsWhenInstalledAndIsLeftOutWithItsNoteWhenNot() {
        if (PeerKind.MIMALLOC.available()) {
            assertThat(PeerKind.MIMALLOC.note()).isEqualTo("mimalloc loaded from libmimalloc.so.2");
            assertThat(PeerKind.availableKinds()).contains(PeerKind.MIMALLOC, PeerKind.MI_ZALLOC);
        } else {
            assertThat(PeerKind.MIMALLOC.note()).startsWith("mimalloc skipped: libmimalloc.so.2 could not be loaded");
            assertThat(PeerKind.availableKinds())
                    .doesNotContain(PeerKind.MIMALLOC, PeerKind.MI_ZALLOC)
                    .contains(PeerKind.MALLOC, PeerKind.HAKMEM);
            assertThatThrownBy(() -> PeerKind.MI_ZALLOC.create(false)).hasMessage(PeerKind.MIMALLOC.note());
        }
    }
}
