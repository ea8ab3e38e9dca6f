package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** One MXBean per open arena: found while open, its attributes are the arena's stats, gone after close. */
class ArenaMXBeanTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void anOpenArenaIsFoundByTypeAndIsGoneAfterClose() throws Exception {
        ObjectName name = new ObjectName("io.hakmem:type=HakmemArena,name=mxbean-open-close");
        HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().name("mxbean-open-close").build());
        assertThat(SERVER.queryNames(new ObjectName("io.hakmem:type=HakmemArena,*"), null))
                .contains(name);
        assertThat(SERVER.isRegistered(name)).isTrue();
        arena.close();
        assertThat(SERVER.isRegistered(name)).isFalse();
        assertThat(SERVER.queryNames(new ObjectName("io.hakmem:type=HakmemArena,*"), null))
                .doesNotContain(name);
    }

    @Test
    void attributesAreTheArenasStatsAndTrimIsAnOperation() throws Exception {
        ObjectName name = new ObjectName("io.hakmem:type=HakmemArena,name=mxbean-attributes");
        try (HakmemArena arena = HakmemArena.create(HakmemConfig.builder()
                .name("mxbean-attributes")
                .magazineCapacity(0)
                .build())) {
            for (int i = 0; i < 100; i++) {
                arena.allocate(16);
            }
            arena.free(arena.allocate(3000));
            assertThat(SERVER.getAttribute(name, "Name")).isEqualTo("mxbean-attributes");
            assertThat(SERVER.getAttribute(name, "LiveBlocks")).isEqualTo(100L);
            assertThat(SERVER.getAttribute(name, "LiveBytes")).isEqualTo(1600L);
            assertThat(SERVER.getAttribute(name, "SuperSlabsLive")).isEqualTo(1L);
            assertThat(SERVER.getAttribute(name, "MappedBytes")).isEqualTo(2L << 20);
            HakmemArenaMXBean proxy = JMX.newMXBeanProxy(SERVER, name, HakmemArenaMXBean.class);
            assertThat(proxy.getResidentBytes()).isEqualTo(arena.stats().residentBytes());
            assertThat(proxy.getClassStatsTable())
                    .contains("hakmem: arena \"mxbean-attributes\" (open)")
                    .containsPattern("(?m)^\\s+16 B\\s+100\\s+1\\.6 KiB\\s");
            long purgedBefore = arena.stats().slabsPurged();
            // The empty 3 KiB span is kept for reuse until a trim: the operation gives it back.
            SERVER.invoke(name, "trim", new Object[0], new String[0]);
            assertThat(arena.stats().slabsPurged()).isGreaterThan(purgedBefore);
            assertThat(arena.classStats()).extracting(SizeClassStats::blockSize).containsExactly(16L, 3072L);
            assertThat(arena.classStats().get(1).spans()).isZero();
        }
        assertThat(SERVER.isRegistered(name)).isFalse();
    }

    @Test
    void registrationCanBeTurnedOff() throws Exception {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().name("mxbean-off").registerMXBean(false).build())) {
            assertThat(SERVER.queryNames(new ObjectName("io.hakmem:type=HakmemArena,name=mxbean-off*"), null))
                    .isEmpty();
            assertThat(arena.name()).isEqualTo("mxbean-off");
        }
    }

    @Test
    void twoOpenArenasWithOneNameGetNumberedAndTheNumberIsFreedOnClose() throws Exception {
        ObjectName first = new ObjectName("io.hakmem:type=HakmemArena,name=twin");
        ObjectName second = new ObjectName("io.hakmem:type=HakmemArena,name=twin#2");
        HakmemConfig config = HakmemConfig.builder().name("twin").build();
        try (HakmemArena a = HakmemArena.create(config);
                HakmemArena b = HakmemArena.create(config)) {
            assertThat(SERVER.isRegistered(first)).isTrue();
            assertThat(SERVER.isRegistered(second)).isTrue();
            b.allocate(8);
            assertThat(SERVER.getAttribute(second, "LiveBlocks")).isEqualTo(1L);
            assertThat(SERVER.getAttribute(first, "LiveBlocks")).isEqualTo(0L);
            assertThat(a.name()).isEqualTo(b.name()).isEqualTo("twin");
        }
        assertThat(SERVER.isRegistered(first)).isFalse();
        assertThat(SERVER.isRegistered(second)).isFalse();
    }

    @Test
    void theDefaultNameIsTheCreationSiteQuotedInTheObjectName() throws Exception {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        try (HakmemArena arena = HakmemArena.create()) {
            String site = "ArenaMXBeanTest.theDefaultNameIsTheCreationSiteQuotedInTheObjectName:" + line;
            assertThat(arena.name()).isEqualTo(site);
            Set<ObjectName> names = SERVER.queryNames(new ObjectName("io.hakmem:type=HakmemArena,*"), null);
            assertThat(names).contains(new ObjectName("io.hakmem:type=HakmemArena,name=" + ObjectName.quote(site)));
            assertThat(arena.toString()).startsWith("HakmemArena[" + site + ", open");
        }
    }
}
