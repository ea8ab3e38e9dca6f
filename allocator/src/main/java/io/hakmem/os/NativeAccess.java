package io.hakmem.os;

import java.util.function.Supplier;
import org.jspecify.annotations.NullMarked;

/** Turns the JDK's terse refusal of restricted methods into advice the user can act on. */
@NullMarked
public final class NativeAccess {

    /** What to do when native access is denied; the JUnit extension repeats it. */
    public static final String HOW_TO_ENABLE = "hakmem-java calls mmap through java.lang.foreign and needs native "
            + "access. Run the JVM with --enable-native-access=ALL-UNNAMED (class path) or "
            + "--enable-native-access=io.hakmem.allocator (module path). With Maven Surefire, set "
            + "<argLine>--enable-native-access=ALL-UNNAMED</argLine> in the plugin's configuration.";

    private NativeAccess() {}

    static <T> T check(Supplier<T> restricted) {
        try {
            return restricted.get();
        } catch (IllegalCallerException e) {
            throw new IllegalCallerException(HOW_TO_ENABLE, e);
        }
    }
}
