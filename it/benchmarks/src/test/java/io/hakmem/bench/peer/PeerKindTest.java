package io.hakmem.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PeerKindTest {

    // Every peer that can run here; a missing system library's own behaviour, its note and its
    // refusal to start, is NativePeerTest's, so nothing here is skipped.
    @ParameterizedTest
    @MethodSource("io.hakmem.bench.peer.PeerKind#availableKinds")
    void everyPeerKeepsWhatIsWrittenUntilFree(PeerKind kind) {
        long[] sizes = {16, 17, 256, 1040, 4096, 65536, 262144};
        try (Peer peer = kind.create(false)) {
            List<Object> blocks = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                Object block = peer.allocate(sizes[i % sizes.length]);
                peer.write(block, 1000L + i);
                blocks.add(block);
            }
            for (int i = 0; i < blocks.size(); i++) {
                assertThat(peer.read(blocks.get(i))).isEqualTo(1000L + i);
            }
            blocks.forEach(peer::free);
            peer.trim();
        }
    }

    @ParameterizedTest
    @MethodSource("io.hakmem.bench.peer.PeerKind#availableKinds")
    void everyPeerTakesFreesFromAnotherThread(PeerKind kind) throws InterruptedException {
        try (Peer peer = kind.create(true)) {
            Object[] blocks = new Object[2000];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = peer.allocate(16 + (i % 64) * 16);
                peer.write(blocks[i], i);
            }
            long[] sum = new long[1];
            Thread freer = new Thread(() -> {
                peer.registerThread();
                for (Object block : blocks) {
                    sum[0] += peer.read(block);
                    peer.free(block);
                }
            });
            freer.start();
            freer.join();
            assertThat(sum[0]).isEqualTo(1999L * 2000 / 2);
        }
    }
}
