package io.hakmem;

import io.hakmem.events.ArenaStatisticsEvent;
import io.hakmem.watch.ArenaWatch;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What the JVM's monitoring sees of the open arenas: one MXBean each, the periodic JFR event and
 * the exit table. The arenas themselves are listed by {@link ArenaWatch}, the one registry of
 * open arenas; this class adds only what JMX and the exit table need on top of it.
 */
@NullMarked
final class ArenaMonitoring {

    private static final System.Logger LOG = System.getLogger("io.hakmem");
    private static final boolean SHOW_STATS = showStatsRequested();
    private static final ClosedArenaTotals CLOSED = new ClosedArenaTotals();
    private static final AtomicBoolean JFR_HOOKED = new AtomicBoolean();
    private static boolean exitHooked;

    private ArenaMonitoring() {}

    /**
     * Monitors a new arena: registers its MXBean when its config asks, and sets up the periodic JFR
     * event and the exit table the first time.
     *
     * @param arena the arena, fully constructed
     * @return {@code arena}
     */
    static HakmemArena opened(HakmemArena arena) {
        hookJfr();
        if (arena.config().registerMXBean()) {
            arena.mxBeanName = register(arena);
        }
        synchronized (ArenaMonitoring.class) {
            if (SHOW_STATS && !exitHooked) {
                exitHooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(ArenaMonitoring::printAtExit, "hakmem-show-stats"));
            }
        }
        return arena;
    }

    /**
     * Stops monitoring an arena, before its memory is unmapped: unregisters its MXBean and, with
     * the exit table on, adds its counts to the closed arenas' totals.
     *
     * @param arena an arena marked closed whose heap is still mapped
     */
    static void closing(HakmemArena arena) {
        ObjectName name = arena.mxBeanName;
        arena.mxBeanName = null;
        if (SHOW_STATS) {
            CLOSED.add(arena.stats(), arena.classStats());
        }
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (InstanceNotFoundException e) {
                // Someone unregistered it by hand: nothing is left to do.
            } catch (JMException e) {
                LOG.log(System.Logger.Level.WARNING, "hakmem: could not unregister " + name, e);
            }
        }
    }

    private static boolean showStatsRequested() {
        String value = System.getProperty("hakmem.showStats");
        if (value == null) {
            value = System.getenv("HAKMEM_SHOW_STATS");
        }
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    /** Registers under the arena's name, then {@code name#2}, {@code name#3}, ... while taken. */
    private static @Nullable ObjectName register(HakmemArena arena) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ArenaMXBean bean = new ArenaMXBean(arena);
        for (int n = 1; ; n++) {
            String key = n == 1 ? arena.name() : arena.name() + "#" + n;
            try {
                ObjectName name = new ObjectName("io.hakmem:type=HakmemArena,name=" + quoteIfNeeded(key));
                return server.registerMBean(bean, name).getObjectName();
            } catch (InstanceAlreadyExistsException e) {
                // Another open arena has this name: try the next suffix.
            } catch (JMException e) {
                LOG.log(System.Logger.Level.WARNING, "hakmem: arena " + arena.name() + " has no MXBean", e);
                return null;
            }
        }
    }

    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (",=:\"*?\\\n".indexOf(value.charAt(i)) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    /**
     * Adds the periodic event as soon as JFR is up. JFR is started lazily: adding a periodic event
     * would start it (about 0.2 s), so a JVM that never records waits for a listener instead.
     * No monitor of this class is held here: JFR's own locks are taken inside, and the periodic
     * hook takes that monitor from JFR's thread.
     */
    private static void hookJfr() {
        if (!JFR_HOOKED.compareAndSet(false, true)) {
            return;
        }
        if (FlightRecorder.isInitialized()) {
            addPeriodicEvent();
        } else {
            FlightRecorder.addListener(new FlightRecorderListener() {
                @Override
                public void recorderInitialized(FlightRecorder recorder) {
                    addPeriodicEvent();
                }
            });
        }
    }

    private static void addPeriodicEvent() {
        FlightRecorder.addPeriodicEvent(ArenaStatisticsEvent.class, () -> {
            for (HakmemArena arena : ArenaWatch.openArenas(HakmemArena.class)) {
                HakmemStats stats = arena.stats();
                // Closed between the listing and the read: it is no longer open, so no event.
                if (!arena.isClosed()) {
                    emit(arena.name(), stats);
                }
            }
        });
    }

    /** Commits one event; the caller is the periodic hook, so the event is enabled. */
    private static void emit(String arenaName, HakmemStats s) {
        ArenaStatisticsEvent e = new ArenaStatisticsEvent();
        e.arena = arenaName;
        e.liveBlocks = s.liveBlocks();
        e.liveBytes = s.liveBytes();
        e.mappedBytes = s.mappedBytes();
        e.residentBytes = s.residentBytes();
        e.overheadPercent = s.overheadPercent();
        e.magazineBlocks = s.magazineBlocks();
        e.superSlabsLive = s.superSlabsLive();
        e.superSlabsMappedTotal = s.superSlabsMappedTotal();
        e.superSlabsReleasedTotal = s.superSlabsReleasedTotal();
        e.blockFreesToSpans = s.blockFreesToSpans();
        e.emptySuperSlabsDetected = s.emptySuperSlabsDetected();
        e.allocFailures = s.allocFailures();
        e.largeMappings = s.largeMappings();
        e.slabsPurged = s.slabsPurged();
        e.doubleFreesDetected = s.doubleFreesDetected();
        e.commit();
    }

    private static void printAtExit() {
        StringBuilder out = new StringBuilder();
        for (HakmemArena arena : ArenaWatch.openArenas(HakmemArena.class)) {
            try {
                out.append(StatsTable.render(arena.name(), "open at exit", arena.stats(), arena.classStats()));
            } catch (RuntimeException e) {
                out.append("hakmem: arena \"")
                        .append(arena.name())
                        .append("\" could not be read: ")
                        .append(e)
                        .append('\n');
            }
        }
        out.append(StatsTable.renderClosed(CLOSED.snapshot()));
        System.err.print(out);
        System.err.flush();
    }
}
