package io.hakmem;

import io.hakmem.watch.ArenaWatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.NullMarked;

/** Default arena names: where the arena was created, so a table or a JMX tree says whose it is. */
@NullMarked
final class ArenaNames {

    private static final AtomicLong UNSITED = new AtomicLong();

    private ArenaNames() {}

    /**
     * @param origin where the arena was created, as its registration recorded it
     * @return {@code Class.method:line} of the innermost caller outside the allocator, or
     *     {@code arena-N} when there is none (N counts such arenas from 1)
     */
    static String of(ArenaWatch.Origin origin) {
        if (origin.site().isEmpty()) {
            return "arena-" + UNSITED.incrementAndGet();
        }
        StackTraceElement frame = origin.site().get(0);
        String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        int line = frame.getLineNumber();
        return type + "." + frame.getMethodName() + (line > 0 ? ":" + line : "");
    }
}
