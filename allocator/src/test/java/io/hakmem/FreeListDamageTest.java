package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A write after free that hits a free block's link must not make the allocator hand out foreign memory. */
class FreeListDamageTest {

    @Test
    void aDamagedLinkIsNeverFollowedAndTheArenaStaysConsistent() {
        HakmemConfig noCaches = HakmemConfig.builder().magazineCapacity(0).build();
        try (HakmemArena arena = HakmemArena.create(noCaches)) {
            List<MemorySegment> live = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                live.add(arena.allocate(32));
            }
            MemorySegment victim = live.remove(3);
            MemorySegment alias = MemorySegment.ofAddress(victim.address()).reinterpret(32);
            arena.free(live.remove(5));
            arena.free(victim);
            // The user writes through a stale alias: the block's free-list link now points at a
            // live block of the same span.
            alias.set(ValueLayout.JAVA_LONG, 0, live.get(0).address());

            for (int i = 0; i < 6; i++) {
                live.add(arena.allocate(32));
            }
            assertThat(live.stream().map(MemorySegment::address).distinct().count())
                    .as("no block handed out twice")
                    .isEqualTo(live.size());
            assertThat(arena.stats().liveBlocks()).isEqualTo(live.size());
            live.forEach(arena::free);
            arena.trim();
            HakmemStats after = arena.stats();
            assertThat(after.liveBlocks()).isZero();
            assertThat(after.superSlabsLive()).isZero();
            assertThat(after.mappedBytes()).isZero();
        }
    }
}
