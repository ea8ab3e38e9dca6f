package io.hakmem.it.modulepath;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import io.hakmem.HakmemStats;
import io.hakmem.SizeClassStats;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Allocates, frees and trims through the named module {@code io.hakmem.allocator}, checks the
 * statistics, then runs the scaling workload (1M blocks of 16 B) and prints its SuperSlab counts
 * for the JFR cross-check. Exits with status 1 and a message on stderr when a check fails.
 */
public final class ModulePathApp {

    private ModulePathApp() {}

    public static void main(String[] args) {
        try {
            checkNamedModule();
            HakmemStats jmx = checkMXBeanAndClassStats();
            HakmemStats sample = sample();
            HakmemStats scaling = scaling(1_000_000);
            // Read by ModulePathCheck, which counts this process's JFR events against these totals.
            System.out.println("superSlabsMappedTotal="
                    + (jmx.superSlabsMappedTotal() + sample.superSlabsMappedTotal() + scaling.superSlabsMappedTotal())
                    + " superSlabsReleasedTotal="
                    + (jmx.superSlabsReleasedTotal()
                            + sample.superSlabsReleasedTotal()
                            + scaling.superSlabsReleasedTotal()));
        } catch (IllegalStateException | AssertionError e) {
            System.err.println("module-path check failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void checkNamedModule() {
        Module allocator = HakmemArena.class.getModule();
        check(
                allocator.isNamed() && allocator.getName().equals("io.hakmem.allocator"),
                "HakmemArena is in " + allocator + ", not the named module io.hakmem.allocator");
        for (String internal : List.of("io.hakmem.os", "io.hakmem.slab", "io.hakmem.cache", "io.hakmem.events")) {
            check(!allocator.isExported(internal), internal + " is exported");
        }
        check(
                allocator.isExported("io.hakmem") && allocator.isExported("io.hakmem.budget"),
                "io.hakmem or io.hakmem.budget is not exported");
        System.out.println("named module: " + allocator.getDescriptor().toNameAndVersion());
    }

    /**
     * The MXBean's implementation lives in a package the module does not export: JMX must still
     * read it through {@code io.hakmem.HakmemArenaMXBean}, and classStats must count exactly.
     *
     * @return the arena's stats after close, for the JFR cross-check's totals
     */
    private static HakmemStats checkMXBeanAndClassStats() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("io.hakmem:type=HakmemArena,name=module-path");
            HakmemArena arena = HakmemArena.create(
                    HakmemConfig.builder().name("module-path").build());
            try (arena) {
                List<MemorySegment> blocks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    blocks.add(arena.allocate(16));
                }
                check(server.isRegistered(name), name + " is not registered while the arena is open");
                Object live = server.getAttribute(name, "LiveBlocks");
                check(Long.valueOf(100).equals(live), "MXBean LiveBlocks: " + live);
                List<SizeClassStats> classes = arena.classStats();
                check(
                        classes.size() == 1
                                && classes.get(0).blockSize() == 16
                                && classes.get(0).liveBlocks() == 100,
                        "classStats: " + classes);
                // Closing with live blocks would log a warning, which this check treats as a failure.
                blocks.forEach(arena::free);
            }
            check(!server.isRegistered(name), name + " is still registered after close()");
            System.out.println("MXBean and classStats: OK");
            return arena.stats();
        } catch (JMException e) {
            throw new IllegalStateException("JMX failed on the module path: " + e, e);
        }
    }

    private static HakmemStats sample() {
        try (HakmemArena arena = HakmemArena.create(
                HakmemConfig.builder().emptySuperSlabCacheSize(1).build())) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                MemorySegment block = arena.allocate(16 + (i % 64) * 8L);
                block.set(ValueLayout.JAVA_INT, 0, i);
                blocks.add(block);
            }
            MemorySegment large = arena.allocate(1L << 20);
            large.set(ValueLayout.JAVA_LONG, (1L << 20) - 8, 42L);
            MemorySegment text = arena.allocateFrom("module path");
            HakmemStats peak = arena.stats();
            check(peak.liveBlocks() == 1002, "live blocks at the peak: " + peak.liveBlocks());
            check(peak.largeMappings() == 1, "large mappings: " + peak.largeMappings());
            check(text.getString(0).equals("module path"), "string round trip: " + text.getString(0));
            for (int i = 0; i < blocks.size(); i++) {
                check(blocks.get(i).get(ValueLayout.JAVA_INT, 0) == i, "block " + i + " changed");
                arena.free(blocks.get(i));
            }
            arena.free(large);
            arena.free(text);
            arena.trim();
            HakmemStats trimmed = arena.stats();
            check(trimmed.liveBlocks() == 0 && trimmed.liveBytes() == 0, "not empty after free: " + trimmed);
            check(trimmed.mappedBytes() == 0 && trimmed.superSlabsLive() == 0, "memory kept after trim: " + trimmed);
            check(
                    trimmed.superSlabsReleasedTotal() == trimmed.superSlabsMappedTotal(),
                    "SuperSlabs not released: " + trimmed);
            System.out.println("sample: " + trimmed);
            return trimmed;
        }
    }

    private static HakmemStats scaling(int n) {
        try (HakmemArena arena = HakmemArena.create()) {
            MemorySegment[] blocks = new MemorySegment[n];
            for (int i = 0; i < n; i++) {
                blocks[i] = arena.allocate(16);
                blocks[i].set(ValueLayout.JAVA_LONG, 0, i);
            }
            for (MemorySegment block : blocks) {
                arena.free(block);
            }
            arena.trim();
            HakmemStats s = arena.stats();
            check(s.liveBlocks() == 0 && s.mappedBytes() == 0, "scaling left memory behind: " + s);
            System.out.println("scaling, " + n + " x 16 B: " + s);
            return s;
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
