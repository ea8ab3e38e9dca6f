package example.kotlin

import io.hakmem.HakmemArena
import io.hakmem.HakmemConfig
import io.hakmem.junit.HakmemAssertions.assertThat
import java.lang.foreign.ValueLayout
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** Arenas without the extension: Kotlin's `use` closes them like try-with-resources. */
class StandaloneArenaTest {

    @Test
    fun `use closes the arena`() {
        val arena = HakmemArena.create().use { arena ->
            val segment = arena.allocateFrom(ValueLayout.JAVA_LONG, 7L, 8L)
            assertThat(segment.getAtIndex(ValueLayout.JAVA_LONG, 1)).isEqualTo(8L)
            assertThat(arena).hasLiveBlocks(1).hasLiveBytes(16)
            arena.free(segment)
            assertThat(arena).hasNoLeaks()
            arena
        }
        assertThat(arena.isClosed).isTrue()
    }

    @Test
    fun `configured arena reports its settings`() {
        val config = HakmemConfig.builder().magazineCapacity(0).trackAllocationSites(true).build()
        HakmemArena.create(config).use { arena ->
            assertThat(arena.config().magazineCapacity()).isZero()
            val block = arena.allocate(100)
            assertThat(arena.liveBlocks(10).single().byteSize).isEqualTo(100L)
            arena.free(block)
            assertThat(arena.stats()).hasNoLeaks()
            assertThat(arena).hasReclaimedAllSuperSlabsAfterTrim()
        }
    }
}
