package io.hakmem;

import org.jspecify.annotations.NullMarked;

/**
 * The JMX view of one open {@link HakmemArena}, registered as
 * {@code io.hakmem:type=HakmemArena,name=<name>} with the platform MBean server from creation to
 * {@link HakmemArena#close()}, unless {@link HakmemConfig#registerMXBean()} is off. Every
 * attribute is read when asked, as {@link HakmemArena#stats()} reads it.
 *
 * <pre>{@code
 * MBeanServer server = ManagementFactory.getPlatformMBeanServer();
 * for (ObjectName name : server.queryNames(new ObjectName("io.hakmem:type=HakmemArena,*"), null)) {
 *     HakmemArenaMXBean arena = JMX.newMXBeanProxy(server, name, HakmemArenaMXBean.class);
 *     System.out.println(arena.getName() + ": " + arena.getResidentBytes() + " B resident");
 * }
 * }</pre>
 *
 * <p>The {@code name} key is the arena's {@link HakmemArena#name()}, quoted when it holds a
 * character {@code ObjectName} reserves (the default creation site holds a colon); while another
 * open arena has the same name, {@code #2}, {@code #3}, ... is appended.
 */
@NullMarked
public interface HakmemArenaMXBean {

    /** {@return the arena's name} */
    String getName();

    /** {@return blocks in users' hands} */
    long getLiveBlocks();

    /** {@return the requested bytes of those blocks} */
    long getLiveBytes();

    /** {@return bytes mapped now} */
    long getMappedBytes();

    /** {@return bytes of those mappings in RAM, -1 where the OS cannot tell} */
    long getResidentBytes();

    /** {@return resident bytes over live bytes, in percent; NaN when unknown} */
    double getOverheadPercent();

    /** {@return free blocks parked in thread caches} */
    long getMagazineBlocks();

    /** {@return SuperSlabs mapped now} */
    long getSuperSlabsLive();

    /** {@return SuperSlabs ever mapped} */
    long getSuperSlabsMappedTotal();

    /** {@return SuperSlabs given back to the OS} */
    long getSuperSlabsReleasedTotal();

    /** {@return dedicated mappings of large blocks} */
    long getLargeMappings();

    /** {@return slabs whose pages were handed back} */
    long getSlabsPurged();

    /** {@return allocations that failed with OutOfMemoryError} */
    long getAllocFailures();

    /** {@return raced double frees caught and dropped} */
    long getDoubleFreesDetected();

    /** {@return the per-class table that {@code -Dhakmem.showStats=true} prints at exit} */
    String getClassStatsTable();

    /** Runs {@link HakmemArena#trim()}: gives back every SuperSlab that holds no live block. */
    void trim();
}
