/**
 * hakmem-java's allocator: {@link io.hakmem.HakmemArena}, an {@link java.lang.foreign.Arena}
 * whose segments can be freed one by one, and the memory-budget workloads of
 * {@link io.hakmem.budget}.
 *
 * <p>Only {@code io.hakmem} and {@code io.hakmem.budget} are exported; the OS layer, slabs,
 * thread caches and JFR events are internal. On the module path, grant native access to this
 * module alone:
 *
 * <pre>{@code
 * java --enable-native-access=io.hakmem.allocator --module-path mods -m com.example.app/com.example.Main
 * }</pre>
 *
 * <p>JFR events are named {@code hakmem.*}; record them with
 * {@code -XX:StartFlightRecording} and print them with {@code jfr print --events 'hakmem.*'};
 * {@code META-INF/hakmem/hakmem.jfc} in the jar enables them all, with the periodic
 * {@code hakmem.ArenaStatistics} every second. Each open arena is also an MXBean,
 * {@code io.hakmem:type=HakmemArena,name=<name>}.
 */
// The qualified export below names io.hakmem.junit, which is built after this module and so is
// never on the module path when javac checks this declaration.
@SuppressWarnings("module")
module io.hakmem.allocator {
    // Nullness annotations are read by compilers and Kotlin, never needed at run time (static).
    // Transitive: the exported API carries them, so every module that reads this one reads them.
    requires static transitive org.jspecify;
    // The JFR event classes load on the slow path whether or not a recording runs, so jdk.jfr
    // must be resolved; an optional (static) requirement would fail there with NoClassDefFoundError.
    requires jdk.jfr;
    // One MXBean per open arena, registered on the platform MBean server.
    requires java.management;

    exports io.hakmem;
    exports io.hakmem.budget;
    exports io.hakmem.text;
    // The hook through which the JUnit extension sees every arena; not an API for anyone else.
    exports io.hakmem.watch to
            io.hakmem.junit;
}
