package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocks with a mapping of their own: sizes, ownership, interior pointers, unmapping. */
class LargeMappingsTest {

    private final RecordingOsMemory os = new RecordingOsMemory();
    private final Set<MemorySegment.Scope> released = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final LargeMappings large = new LargeMappings(os, released, lock);

    @BeforeEach
    void takeTheHeapLock() {
        lock.lock();
    }

    @AfterEach
    void releaseTheHeapLock() {
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    @Test
    void mapsWholePagesAndRefusesWhatOverflows() {
        assertThat(LargeMappings.mappedSize(1, 1)).isEqualTo(4096);
        assertThat(LargeMappings.mappedSize(4096, 1)).isEqualTo(4096);
        assertThat(LargeMappings.mappedSize(4097, 1)).isEqualTo(8192);
        assertThat(LargeMappings.mappedSize(300 * 1024 + 1, 1 << 20)).isEqualTo(300 * 1024 + 4096);
        assertThat(LargeMappings.mappedSize(Long.MAX_VALUE - 8191, 1)).isEqualTo(-1);
        assertThat(LargeMappings.mappedSize(Long.MAX_VALUE - (3L << 20), 4L << 20))
                .isEqualTo(-1);
    }

    @Test
    @SuppressWarnings("restricted") // an alias of the block, made as a careless caller would
    void aBlockIsItsOwnMappingUntilItIsUnmapped() {
        MemorySegment block = large.map(10_000, 4096);
        assertThat(block).isNotNull();
        assertThat(block.byteSize()).isEqualTo(10_000);
        assertThat(block.address() % 4096).isZero();
        block.set(ValueLayout.JAVA_LONG, 9_992, 42L);
        assertThat(os.calls).containsExactly("map 12288");
        assertThat(large.count()).isEqualTo(1);
        assertThat(large.mappedBytes()).isEqualTo(12288);
        assertThat(large.owns(block)).isTrue();
        assertThat(large.owns(MemorySegment.ofAddress(block.address()).reinterpret(10_000)))
                .as("an alias")
                .isFalse();
        assertThat(large.requestedBytes(block.address())).isEqualTo(10_000);
        assertThat(large.requestedBytes(block.address() + 8)).isEqualTo(-1);
        assertThat(large.containing(block.address() + 5_000)).isEqualTo(10_000);
        assertThat(large.containing(block.address()))
                .as("the start is no interior pointer")
                .isEqualTo(-1);
        assertThat(large.containing(block.address() + 10_000))
                .as("past the requested bytes")
                .isEqualTo(-1);

        assertThat(large.unmap(block.address())).isEqualTo(10_000);

        assertThat(os.calls).containsExactly("map 12288", "unmap 12288");
        assertThat(block.scope().isAlive()).isFalse();
        assertThat(released).containsExactly(block.scope());
        assertThat(large.count()).isZero();
        assertThat(large.mappedBytes()).isZero();
        assertThatThrownBy(() -> large.unmap(block.address()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no large block at 0x" + Long.toHexString(block.address()));
    }

    @Test
    void listsItsBlocksAndMappingsAndClosesThemAll() {
        MemorySegment a = large.map(5_000, 4096);
        MemorySegment b = large.map(70_000, 65536);
        assertThat(b.address() % 65536).isZero();
        List<String> blocks = new ArrayList<>();
        large.forEach((address, size) -> blocks.add(Long.toHexString(address) + ":" + size));
        assertThat(blocks)
                .containsExactlyInAnyOrder(
                        Long.toHexString(a.address()) + ":5000", Long.toHexString(b.address()) + ":70000");
        List<Long> mapped = new ArrayList<>();
        large.forEachMapping((address, bytes) -> mapped.add(bytes));
        assertThat(mapped).containsExactlyInAnyOrder(8192L, 73728L);

        large.closeAll();

        assertThat(large.count()).isZero();
        assertThat(os.count("unmap")).isEqualTo(2);
        assertThat(a.scope().isAlive()).isFalse();
        assertThat(b.scope().isAlive()).isFalse();
    }

    @Test
    void everyMethodButTheSizeCalculationRequiresTheHeapLock() {
        MemorySegment block = large.map(10_000, 4096);
        lock.unlock();

        assertThat(LargeMappings.mappedSize(10_000, 4096)).isEqualTo(12288);
        assertThatThrownBy(() -> large.map(10_000, 4096)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> large.unmap(block.address())).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> large.owns(block)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(large::count).isInstanceOf(AssertionError.class);
        assertThatThrownBy(large::mappedBytes).isInstanceOf(AssertionError.class);
        assertThatThrownBy(large::closeAll).isInstanceOf(AssertionError.class);
        assertThat(os.calls).as("nothing reached the OS").containsExactly("map 12288");

        lock.lock();
        large.closeAll();
        assertThat(os.calls).containsExactly("map 12288", "unmap 12288");
    }

    @Test
    void aRefusedMapIsNullAndCountsNothing() {
        os.refuse = true;
        assertThat(large.map(10_000, 4096)).isNull();
        assertThat(large.count()).isZero();
        assertThat(large.mappedBytes()).isZero();
    }
}
