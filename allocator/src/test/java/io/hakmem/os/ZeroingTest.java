package io.hakmem.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way Zeroing clears (word stores, fill, a copy of zeros, memset) clears exactly the block, and nothing next to it. */
class ZeroingTest {

    private static final byte OLD = (byte) 0xA5;
    private static final long GUARD = 64;

    @ParameterizedTest
    @ValueSource(
            longs = {
                0,
                1,
                8,
                16,
                24,
                32,
                40,
                48,
                56,
                60,
                64,
                72,
                Zeroing.COPY_FROM - 1,
                Zeroing.COPY_FROM,
                1000,
                Zeroing.MEMSET_FROM - 1,
                Zeroing.MEMSET_FROM,
                Zeroing.MEMSET_FROM + 8,
                4096,
                65536,
                300 * 1024
            })
    void clearsEveryByteOfTheBlockAndNoneAround(long size) {
        try (Arena arena = Arena.ofConfined()) {
            // Unaligned on purpose: blocks of odd classes start at any multiple of 8, slices anywhere.
            MemorySegment all = arena.allocate(size + 2 * GUARD + 3);
            all.fill(OLD);
            MemorySegment block = all.asSlice(GUARD + 3, size);

            Zeroing.clear(block, block.byteSize());

            for (long i = 0; i < size; i++) {
                assertThat(block.get(ValueLayout.JAVA_BYTE, i))
                        .as("byte %d of %d", i, size)
                        .isZero();
            }
            for (long i = 0; i < GUARD + 3; i++) {
                assertThat(all.get(ValueLayout.JAVA_BYTE, i))
                        .as("guard byte %d before", i)
                        .isEqualTo(OLD);
            }
            for (long i = GUARD + 3 + size; i < all.byteSize(); i++) {
                assertThat(all.get(ValueLayout.JAVA_BYTE, i))
                        .as("guard byte %d after", i)
                        .isEqualTo(OLD);
            }
        }
    }
}
