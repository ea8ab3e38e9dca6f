package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** {@code close()} with live blocks: one warning naming count, bytes and sites, or an exception. */
@Isolated // the warning sink is process-wide
class CloseWithLiveBlocksTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private java.util.function.Consumer<String> previous = LiveAtClose.sink;

    @BeforeEach
    void listen() {
        previous = LiveAtClose.sink;
        LiveAtClose.sink = warnings::add;
    }

    @AfterEach
    void stopListening() {
        LiveAtClose.sink = previous;
    }

    @Test
    void logsOneWarningWithCountBytesAndTopSites() {
        HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().trackAllocationSites(true).build());
        for (int i = 0; i < 3; i++) {
            arena.allocate(24);
        }
        arena.allocate(100);
        arena.close();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0))
                .contains(
                        "HakmemArena created at io.hakmem.CloseWithLiveBlocksTest.logsOneWarningWithCountBytesAndTopSites(")
                .contains("was closed with 4 blocks (172 B) still live")
                .contains("3 blocks (72 B) allocated at io.hakmem.CloseWithLiveBlocksTest.logsOneWarning")
                .contains("1 block (100 B) allocated at");
    }

    @Test
    void anEmptyArenaClosesSilently() {
        HakmemArena arena = HakmemArena.create();
        arena.free(arena.allocate(24));
        arena.close();
        assertThat(warnings).isEmpty();
    }

    @Test
    void withoutSitesItSaysHowToGetThem() {
        HakmemArena arena =
                HakmemArena.create(HakmemConfig.builder().magazineCapacity(0).build());
        arena.allocate(8);
        arena.close();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("1 block (8 B) still live")
                .contains("turn on trackAllocationSites");
    }

    @Test
    void failOnCloseThrowsAfterUnmapping() {
        HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().failOnCloseWithLiveBlocks(true).build());
        arena.allocate(16);
        assertThatThrownBy(arena::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed with 1 block (16 B) still live");
        assertThat(arena.isClosed()).isTrue();
        assertThat(arena.mappedRanges()).isEmpty();
        assertThat(warnings).isEmpty();
    }
}
