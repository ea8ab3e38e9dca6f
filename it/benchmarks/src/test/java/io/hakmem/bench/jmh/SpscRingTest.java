package io.hakmem.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpscRingTest {

    @Test
    void deliversInOrderAndRefusesWhenFull() {
        SpscRing ring = new SpscRing(4);
        for (int i = 0; i < 4; i++) {
            assertThat(ring.offer(i)).isTrue();
        }
        assertThat(ring.offer(4)).isFalse();
        assertThat(ring.poll()).isEqualTo(0);
        assertThat(ring.offer(4)).isTrue();
        assertThat(ring.poll()).isEqualTo(1);
        assertThat(ring.poll()).isEqualTo(2);
        assertThat(ring.poll()).isEqualTo(3);
        assertThat(ring.poll()).isEqualTo(4);
        assertThat(ring.poll()).isNull();
    }

    @Test
    void rejectsCapacityThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new SpscRing(6)).hasMessageContaining("6");
    }
}
