package example.junit6;

import static io.hakmem.junit.HakmemAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.HakmemArena;
import io.hakmem.junit.HakmemExtension;
import io.hakmem.junit.InjectArena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(HakmemExtension.class)
class ArenaInjectionTest {

    @InjectArena
    HakmemArena arena;

    private HakmemArena fromBeforeEach;

    @BeforeEach
    void setUp(HakmemArena injected) {
        fromBeforeEach = injected;
    }

    @Test
    void fieldParameterAndBeforeEachShareOneArena(HakmemArena param) {
        assertThat(param).isSameAs(arena).isSameAs(fromBeforeEach);
        assertThat(param.isClosed()).isFalse();
    }

    @Test
    void freeingEverythingPassesLeakAndReclamationChecks() {
        MemorySegment a = arena.allocate(24);
        MemorySegment b = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
        assertThat(arena).hasLiveBlocks(2).hasLiveBytes(36);
        arena.free(a);
        arena.free(b);
        assertThat(arena).hasNoLeaks().hasReclaimedAllSuperSlabsAfterTrim();
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 512, 100_000})
    void eachInvocationStartsEmpty(int size) {
        assertThat(arena).hasLiveBlocks(0);
        arena.free(arena.allocate(size));
    }

    @RepeatedTest(2)
    void repetitionsStartEmpty() {
        assertThat(arena.stats()).hasNoLeaks();
        arena.free(arena.allocate(8));
    }

    @Nested
    class Inner {
        @Test
        void nestedTestSharesItsArenaWithTheEnclosingField(HakmemArena param) {
            assertThat(param).isSameAs(arena);
        }
    }
}
