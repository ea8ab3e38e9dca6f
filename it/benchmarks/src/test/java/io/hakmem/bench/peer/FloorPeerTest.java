package io.hakmem.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class FloorPeerTest {

    @Test
    void classesArePowersOfTwoFrom16BytesTo256KiB() {
        assertThat(Region.classOf(1)).isZero();
        assertThat(Region.classOf(16)).isZero();
        assertThat(Region.classOf(17)).isEqualTo(1);
        assertThat(Region.classOf(1040)).isEqualTo(7);
        assertThat(Region.classSize(7)).isEqualTo(2048);
        assertThat(Region.classOf(65536)).isEqualTo(12);
        assertThat(Region.classOf(262144)).isEqualTo(14);
        assertThat(Region.classSize(14)).isEqualTo(262144);
        assertThatThrownBy(() -> Region.classOf(262145)).hasMessageContaining("262145");
    }

    @Test
    void freedBlockIsTheNextOneHandedOutAndBlocksDoNotOverlap() {
        try (FloorPeer floor = new FloorPeer()) {
            MemorySegment a = (MemorySegment) floor.allocate(16);
            MemorySegment b = (MemorySegment) floor.allocate(24);
            MemorySegment c = (MemorySegment) floor.allocate(16);
            assertThat(b.byteSize()).isEqualTo(24);
            assertThat(Math.abs(c.address() - a.address())).isGreaterThanOrEqualTo(16);
            assertThat(Math.abs(b.address() - a.address())).isGreaterThanOrEqualTo(16);
            floor.free(a);
            assertThat(((MemorySegment) floor.allocate(16)).address()).isEqualTo(a.address());
        }
    }

    @Test
    void concurrentFloorNeverHandsOneBlockToTwoThreads() throws InterruptedException {
        try (ConcurrentFloorPeer floor = new ConcurrentFloorPeer()) {
            Set<Long> live = ConcurrentHashMap.newKeySet();
            Set<Long> clashes = ConcurrentHashMap.newKeySet();
            Runnable churn = () -> {
                Set<Object> mine = new HashSet<>();
                for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < 50; i++) {
                        MemorySegment s = (MemorySegment) floor.allocate(16);
                        if (!live.add(s.address())) {
                            clashes.add(s.address());
                        }
                        mine.add(s);
                    }
                    for (Object o : mine) {
                        live.remove(((MemorySegment) o).address());
                        floor.free(o);
                    }
                    mine.clear();
                }
            };
            Thread t1 = new Thread(churn);
            Thread t2 = new Thread(churn);
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            assertThat(clashes).isEmpty();
        }
    }
}
