package io.hakmem.junit;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemStats;
import io.hakmem.LiveBlock;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** Describes the blocks an arena still holds, bounded to the first {@value #MAX_LISTED}. */
@NullMarked
final class LeakReport {

    static final int MAX_LISTED = 20;

    private LeakReport() {
    }

    /**
     * @param arena the arena, still open
     * @param stats a snapshot showing at least one live block
     * @param testClassName the outermost test class, to pick the frame to show
     * @param testName how to name the test in the message
     */
    static String describe(HakmemArena arena, HakmemStats stats, @Nullable String testClassName, String testName) {
        List<LiveBlock> blocks = arena.liveBlocks(MAX_LISTED);
        StringBuilder sb = new StringBuilder()
                .append("hakmem leak check failed: ").append(testName).append(" leaked ")
                .append(plural(stats.liveBlocks(), "block")).append(" (")
                .append(plural(stats.liveBytes(), "byte")).append(")");
        long listedBytes = 0;
        boolean anySite = false;
        for (int i = 0; i < blocks.size(); i++) {
            LiveBlock block = blocks.get(i);
            listedBytes += block.byteSize();
            anySite |= appendBlock(sb, i + 1, block, testClassName);
        }
        long hidden = stats.liveBlocks() - blocks.size();
        if (hidden > 0) {
            sb.append("\n  ... and ").append(plural(hidden, "more block")).append(" (")
                    .append(plural(Math.max(0, stats.liveBytes() - listedBytes), "byte")).append(") not listed");
        }
        sb.append("\nFree each segment with arena.free(segment) before the test ends");
        if (!anySite) {
            sb.append("; turn on @HakmemSettings(trackAllocationSites = Toggle.ON) to see where each block"
                    + " was allocated");
        }
        return sb.append('.').toString();
    }

    private static boolean appendBlock(StringBuilder sb, int index, LiveBlock block, @Nullable String testClassName) {
        sb.append("\n  #").append(index).append(": ").append(plural(block.byteSize(), "byte"))
                .append(" at 0x").append(Long.toHexString(block.address()));
        StackTraceElement frame = AllocationSites.userFrame(block.allocationSite(), testClassName);
        if (frame == null) {
            return false;
        }
        sb.append(", allocated");
        if (!block.threadName().isEmpty()) {
            sb.append(" by thread '").append(block.threadName()).append('\'');
        }
        sb.append(" at ").append(AllocationSites.format(frame));
        return true;
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
