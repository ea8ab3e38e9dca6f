package io.hakmem.junit;

import io.hakmem.watch.ArenaWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.NullMarked;

/**
 * Decides whether the ranges of a closed arena are really gone from the OS, in a process where
 * other arenas keep mapping memory.
 *
 * <p>The kernel reuses a freed range for the next mapping that fits, so in a parallel run the
 * range a closed arena gave back often shows up again in {@code /proc/self/maps} as a concurrent
 * test's SuperSlab, or as a thread stack the JVM made meanwhile. The check first keeps only
 * mappings hakmem could have made ({@link OsMappings#possiblyHakmemOverlapping}: read-write,
 * anonymous, {@code MAP_NORESERVE}), which rules out thread stacks and malloc's mappings. Between
 * SuperSlabs a maps line carries nothing that tells the old mapping from the new one (the new
 * SuperSlab can even have the very same start and end), so the check then asks who holds the
 * range:
 * <ol>
 *   <li>Ranges held by the open arenas of {@link LiveArenas} are read, then the maps, then the held
 *       ranges again. A part of a line that some open arena held at either read is excused: the
 *       arena got it from mmap after this arena was closed (two mappings never overlap, and a
 *       closed arena maps nothing more), so this arena did unmap it. An arena lists a range only
 *       between mmap returning and the start of its munmap, both under its lock, so a listed
 *       range was truly mapped by that arena at the moment of the read.</li>
 *   <li>What is left can still be innocent for a moment. Most often it is an arena in the middle of
 *       {@code close()}: it stops listing its ranges (and counts as closed) before it unmaps them.
 *       Rarer: an arena between its mmap and listing the range, a range an arena mapped and
 *       unmapped between the two reads. All of these pass within microseconds unless a thread is
 *       descheduled, while a range the closed arena failed to unmap stays forever, so the check
 *       repeats with doubling sleeps and reports only what stayed unexplained in every round.
 *       Measured with 300 clean tests at parallelism 4: one round alone still gave 7 to 30 false
 *       failures per run; with the repeats, none.</li>
 * </ol>
 * Never excused: a leaked range cannot be held by another arena, and it keeps the shape hakmem
 * gave it, so no real leak passes. Still possible, though not seen in testing: a false failure
 * when another mapping of that shape (a glibc malloc arena's heap, a JVM reservation) takes over
 * the range and keeps it across all rounds. A thread stack did so once in many parallel runs
 * before the shape was checked.
 */
@NullMarked
final class ReleasedRanges {

    /**
     * Sandwiched reads after the first plain one. The sleeps between them (1, 2, 4 ... 512 ms) add
     * up to {@value #WAIT_MILLIS} ms, spent only when a range is still mapped: a real leak, or a
     * thread descheduled for that long on a loaded machine. Eight rounds (127 ms) once let a
     * clean test of the 300-test parallel sample fail in a full CI build, on a SuperSlab-shaped
     * mapping no open arena listed, which never happened with the sample run alone (12,000
     * tests, also with the allocator's tests loading the machine); so a real leak now takes
     * about a second longer to report.
     */
    private static final int ROUNDS = 11;

    static final long WAIT_MILLIS = (1L << (ROUNDS - 1)) - 1;

    private ReleasedRanges() {}

    /**
     * @param released the ranges a now closed arena had mapped
     * @return the maps lines that show part of them still mapped and held by no open arena, each
     *     with the unexplained parts; empty when all are gone
     */
    static List<String> stillMapped(List<AddressRange> released) {
        if (OsMappings.linesOverlapping(released).isEmpty()) {
            return List.of();
        }
        List<Unexplained> unexplained = List.of();
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                sleep(1L << (round - 1));
            }
            List<AddressRange> held = new ArrayList<>(LiveArenas.heldRanges());
            List<OsMappings.Line> lines = OsMappings.possiblyHakmemOverlapping(released);
            held.addAll(LiveArenas.heldRanges());
            unexplained = unexplainedParts(lines, released, held);
            if (unexplained.isEmpty()) {
                return List.of();
            }
        }
        // What the allocator's own map of SuperSlabs says of the first part left: a closed heap's
        // SuperSlab there is an allocator leak, none at all a mapping that took the range over (or
        // a dedicated mapping of a large block, which that map does not hold).
        return unexplained.stream()
                .map(u -> u.text() + "\n    hakmem's SuperSlab map: "
                        + ArenaWatch.describeSuperSlabAt(u.left().get(0).start()))
                .toList();
    }

    /** A maps line, and the parts of released ranges in it that no open arena held. */
    record Unexplained(OsMappings.Line line, List<AddressRange> left) {
        String text() {
            return line.text()
                    + (left.size() == 1 && left.get(0).equals(line.range()) ? "" : "  (still mapped: " + left + ")");
        }
    }

    static List<String> unexplained(List<OsMappings.Line> lines, List<AddressRange> released, List<AddressRange> held) {
        return unexplainedParts(lines, released, held).stream()
                .map(Unexplained::text)
                .toList();
    }

    private static List<Unexplained> unexplainedParts(
            List<OsMappings.Line> lines, List<AddressRange> released, List<AddressRange> held) {
        List<Unexplained> out = new ArrayList<>();
        for (OsMappings.Line line : lines) {
            List<AddressRange> left = new ArrayList<>();
            for (AddressRange r : released) {
                AddressRange part = line.range().intersection(r);
                if (part != null) {
                    left.addAll(part.minus(held));
                }
            }
            if (!left.isEmpty()) {
                out.add(new Unexplained(line, left));
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
