package example.kotlin

import io.hakmem.HakmemArena
import io.hakmem.HakmemStats
import io.hakmem.LiveBlock
import io.hakmem.junit.HakmemAssertions.assertThat
import io.hakmem.junit.HakmemExtension
import io.hakmem.junit.HakmemSettings
import io.hakmem.junit.HakmemSoftAssertions
import io.hakmem.junit.InjectArena
import io.hakmem.junit.Toggle
import java.lang.foreign.MemorySegment
import java.lang.foreign.ValueLayout
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Nested
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.ExtendWith
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

@ExtendWith(HakmemExtension::class)
class KotlinExtensionTest {

    @InjectArena
    lateinit var arena: HakmemArena

    private lateinit var fromBeforeEach: HakmemArena

    @BeforeEach
    fun setUp(injected: HakmemArena) {
        fromBeforeEach = injected
    }

    @Test
    fun `parameter, field and BeforeEach share one fresh arena`(param: HakmemArena) {
        assertThat(param).isSameAs(arena).isSameAs(fromBeforeEach)
        assertThat(param).hasNoLeaks().hasLiveBlocks(0)
    }

    @Test
    fun `a test that frees everything passes the leak and reclamation checks`() {
        val header: MemorySegment = arena.allocate(24)
        val body: MemorySegment = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3, 4)
        header.set(ValueLayout.JAVA_LONG, 0, 42L)

        assertThat(arena).hasLiveBlocks(2).hasLiveBytes(24 + 16)
        assertThat(header.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42L)

        arena.free(header)
        arena.free(body)
        assertThat(arena).hasNoLeaks().hasReclaimedAllSuperSlabsAfterTrim()
    }

    @Test
    fun `JSpecify nullness reaches Kotlin as non-null types`() {
        // With -Xjspecify-annotations=strict and -Werror, a `?.` or `!!` on these would not compile.
        val stats: HakmemStats = arena.stats()
        val blocks: List<LiveBlock> = arena.liveBlocks(20)
        val threads: List<String> = arena.threadsHoldingCachedBlocks()
        assertThat(stats.liveBlocks).isZero()
        assertThat(blocks).isEmpty()
        assertThat(threads).isEmpty()
    }

    @ParameterizedTest
    @ValueSource(longs = [8, 24, 1000, 70_000])
    fun `each invocation gets its own arena`(size: Long, param: HakmemArena) {
        assertThat(param).hasLiveBlocks(0)
        val block = param.allocate(size)
        assertThat(param).hasLiveBlocks(1).hasLiveBytes(size)
        param.free(block)
    }

    @Nested
    @HakmemSettings(magazineCapacity = 0, zeroOnAllocate = Toggle.ON)
    inner class WithoutThreadCaches {
        @Test
        fun `settings and enclosing field injection apply`(param: HakmemArena) {
            assertThat(param).isSameAs(arena)
            assertThat(param.config().magazineCapacity()).isZero()
            assertThat(param.config().trackAllocationSites()).isTrue()
        }
    }

    @Test
    fun `soft assertions collect every failure`() {
        val leaked = arena.allocate(16)
        val softly = HakmemSoftAssertions()
        softly.assertThat(arena).hasLiveBlocks(3)
        softly.assertThat(arena.stats()).hasNoLeaks()
        assertThat(softly.errorsCollected()).hasSize(2)
        arena.free(leaked)
    }
}
