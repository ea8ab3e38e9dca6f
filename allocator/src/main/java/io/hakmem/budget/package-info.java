/**
 * Memory budgets: workloads that the {@code hakmem:budget} Maven goal runs in a forked JVM to
 * measure how much resident memory an arena needs for the bytes its users hold.
 *
 * <p>A workload is a {@link io.hakmem.budget.Workload}; the runner hands it a
 * {@link io.hakmem.budget.WorkloadContext} with a fresh arena and the parameters from the POM:
 *
 * <pre>{@code
 * public final class SmallBlocks implements Workload {
 *     @Override
 *     public void run(WorkloadContext context) {
 *         HakmemArena arena = context.arena();
 *         int blocks = (int) context.parameter("blocks", 100_000);
 *         List<MemorySegment> held = new ArrayList<>(blocks);
 *         for (int i = 0; i < blocks; i++) {
 *             held.add(arena.allocate(17));
 *         }
 *         context.measure();          // the peak: resident versus live bytes
 *         held.forEach(arena::free);  // what stays resident after trim() is "retained"
 *     }
 * }
 * }</pre>
 *
 * <p>{@link io.hakmem.budget.BudgetRunnerMain} is the entry point of the forked JVM; users do
 * not call it themselves.
 */
@NullMarked
package io.hakmem.budget;

import org.jspecify.annotations.NullMarked;
