package io.hakmem.stats;

import io.hakmem.HakmemArena;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.NullMarked;

/** Default arena names: where the arena was created, so a table or a JMX tree says whose it is. */
@NullMarked
public final class ArenaNames {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final AtomicLong UNSITED = new AtomicLong();

    private ArenaNames() {
    }

    /**
     * {@return {@code Class.method:line} of the first frame outside {@link HakmemArena} and this
     * package, or {@code arena-N} when there is none (N counts such arenas from 1)}
     */
    public static String creationSite() {
        return WALKER.walk(frames -> frames
                        .filter(f -> f.getDeclaringClass() != HakmemArena.class
                                && f.getDeclaringClass().getPackage() != ArenaNames.class.getPackage())
                        .findFirst())
                .map(ArenaNames::describe)
                .orElseGet(() -> "arena-" + UNSITED.incrementAndGet());
    }

    private static String describe(StackWalker.StackFrame frame) {
        String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        int line = frame.getLineNumber();
        return type + "." + frame.getMethodName() + (line > 0 ? ":" + line : "");
    }
}
