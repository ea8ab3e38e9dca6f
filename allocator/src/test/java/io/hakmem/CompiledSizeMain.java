package io.hakmem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingStream;

/**
 * Run by {@link InlineBudgetTest} in a JVM that keeps {@code HakmemArena.allocate} and
 * {@code free} out of line, so that C2 compiles each on its own: allocates, writes and frees
 * 16 B blocks, without zeroing, until C2 has compiled both, then prints this JVM's
 * {@code InlineSmallCode} and exits. The JVM's compilation log holds the sizes. Exits with 2 when
 * C2 does not get to both within a minute.
 */
final class CompiledSizeMain {
    static final String ALLOCATE = "allocate(J)Ljava/lang/foreign/MemorySegment;";
    static final String FREE = "free(Ljava/lang/foreign/MemorySegment;)V";
    /** Starts the line that gives this JVM's {@code InlineSmallCode}. */
    static final String INLINE_SMALL_CODE = "InlineSmallCode=";

    private static final int C2 = 4;

    private CompiledSizeMain() {}

    public static void main(String[] args) throws InterruptedException, JMException {
        Set<String> compiled = ConcurrentHashMap.newKeySet();
        try (RecordingStream compiles = new RecordingStream();
                HakmemArena arena = HakmemArena.create(
                        HakmemConfig.builder().zeroOnAllocate(false).build())) {
            compiles.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            compiles.onEvent("jdk.Compilation", event -> compiledByC2(event).ifPresent(compiled::add));
            compiles.startAsync();
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            long sum = 0;
            while (!compiled.containsAll(Set.of(ALLOCATE, FREE)) && System.nanoTime() < deadline) {
                sum += churn(arena);
                Thread.sleep(1);
            }
            System.out.println("compiled " + compiled + " after a checksum of " + sum);
            System.out.println(INLINE_SMALL_CODE + InlineBudgetTest.vmOption("InlineSmallCode"));
            if (!compiled.containsAll(Set.of(ALLOCATE, FREE))) {
                System.exit(2);
            }
        }
    }

    /** {@return the name and descriptor of the arena method C2 compiled, when the event is one} */
    private static Optional<String> compiledByC2(RecordedEvent event) {
        RecordedMethod method = event.getValue("method");
        boolean arenaMethod = method.getType().getName().equals(HakmemArena.class.getName());
        if (!arenaMethod || event.getInt("compileLevel") != C2 || event.getBoolean("isOsr")) {
            return Optional.empty();
        }
        return Optional.of(method.getName() + method.getDescriptor());
    }

    private static long churn(HakmemArena arena) {
        long sum = 0;
        for (int i = 0; i < 10_000; i++) {
            MemorySegment block = arena.allocate(16);
            block.set(ValueLayout.JAVA_LONG, 0, i);
            sum += block.get(ValueLayout.JAVA_LONG, 0);
            arena.free(block);
        }
        return sum;
    }
}
