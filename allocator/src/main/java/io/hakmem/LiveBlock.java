package io.hakmem;

import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * One block still in a user's hands, as listed by {@link HakmemArena#liveBlocks(int)}.
 *
 * <pre>{@code
 * for (LiveBlock leak : arena.liveBlocks(20)) {
 *     System.err.println(leak);
 * }
 * }</pre>
 *
 * @param address the block's start address
 * @param byteSize the requested size when allocation sites are tracked, else the size class
 * @param allocationSite the stack that allocated the block, innermost user frame first; empty
 *     unless {@link HakmemConfig#trackAllocationSites()} is on
 * @param threadName the allocating thread's name, or empty when not tracked
 */
@NullMarked
public record LiveBlock(long address, long byteSize, List<StackTraceElement> allocationSite, String threadName) {

    /** Copies the stack so the record stays immutable. */
    public LiveBlock {
        allocationSite = List.copyOf(allocationSite);
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder().append(byteSize).append(" B at 0x").append(Long.toHexString(address));
        if (!allocationSite.isEmpty()) {
            sb.append(" allocated by ")
                    .append(threadName.isEmpty() ? "?" : threadName)
                    .append(" at ")
                    .append(allocationSite.get(0));
        }
        return sb.toString();
    }
}
