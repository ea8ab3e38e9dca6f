package io.hakmem.budget;

import org.jspecify.annotations.NullMarked;

/**
 * A piece of code whose memory use a budget gates.
 *
 * <p>An implementation is named in the POM by its class name, needs a public no-argument
 * constructor and lives on the project's test classpath. Each run gets a fresh arena from
 * {@link WorkloadContext#arena()}; the runner closes it afterwards.
 *
 * <pre>{@code
 * public final class SeventeenByteBlocks implements Workload {
 *     @Override
 *     public void run(WorkloadContext context) {
 *         HakmemArena arena = context.arena();
 *         MemorySegment[] blocks = new MemorySegment[(int) context.parameter("blocks", 100_000)];
 *         for (int i = 0; i < blocks.length; i++) {
 *             blocks[i] = arena.allocate(17);
 *         }
 *         context.measure();
 *         for (MemorySegment block : blocks) {
 *             arena.free(block);
 *         }
 *     }
 * }
 * }</pre>
 */
@NullMarked
@FunctionalInterface
public interface Workload {

    /**
     * Runs the workload once.
     *
     * @param context the arena to allocate from, the parameters, and the peak marker
     * @throws Exception any failure; the runner reports it for this budget and fails the gate
     */
    void run(WorkloadContext context) throws Exception;
}
