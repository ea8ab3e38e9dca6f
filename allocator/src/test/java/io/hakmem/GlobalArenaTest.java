package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** {@link HakmemArena#global()}: one arena for the process, usable from every thread, never closed. */
class GlobalArenaTest {

    @Test
    void isOneArenaThatCannotBeClosed() {
        HakmemArena global = HakmemArena.global();
        assertThat(HakmemArena.global()).isSameAs(global);
        assertThatThrownBy(global::close)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("HakmemArena.global() cannot be closed");
        assertThat(global.isClosed()).isFalse();
        assertThat(global.name()).isEqualTo("global");
        assertThat(global.isGlobal()).isTrue();
        try (HakmemArena own =
                HakmemArena.create(HakmemConfig.builder().name("global").build())) {
            assertThat(own.isGlobal())
                    .as("a name does not make an arena the global one")
                    .isFalse();
        }
        assertThat(java.lang.management.ManagementFactory.getPlatformMBeanServer()
                        .queryNames(objectName("io.hakmem:type=HakmemArena,name=global"), null))
                .hasSize(1);
        MemorySegment s = global.allocate(40);
        s.set(ValueLayout.JAVA_LONG, 32, 9L);
        assertThat(s.get(ValueLayout.JAVA_LONG, 32)).isEqualTo(9L);
        global.free(s);
    }

    @Test
    void servesManyThreadsWithTheirOwnContents() throws Exception {
        HakmemArena global = HakmemArena.global();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long mark = 0x1111_0000L + t;
            Thread thread = new Thread(() -> {
                List<MemorySegment> mine = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    MemorySegment s = global.allocate(16 + (i % 5) * 8);
                    s.set(ValueLayout.JAVA_LONG, 0, mark + i);
                    mine.add(s);
                }
                for (int i = 0; i < mine.size(); i++) {
                    if (mine.get(i).get(ValueLayout.JAVA_LONG, 0) != mark + i) {
                        problems.add("block " + i + " of " + Long.toHexString(mark) + " was overwritten");
                    }
                    global.free(mine.get(i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(problems).isEmpty();
    }

    private static javax.management.ObjectName objectName(String name) {
        try {
            return new javax.management.ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }
}
