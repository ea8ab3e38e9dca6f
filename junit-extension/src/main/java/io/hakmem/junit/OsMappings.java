package io.hakmem.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Asks the OS, through {@code /proc/self/maps}, which address ranges this process still maps, so
 * that the extension checks what the kernel says rather than what the allocator believes.
 */
@NullMarked
final class OsMappings {

    private static final Path MAPS = Path.of("/proc/self/maps");

    private static final Path SMAPS = Path.of("/proc/self/smaps");

    /** With overcommit mode 2 the kernel ignores MAP_NORESERVE, so no mapping shows the flag. */
    private static final Path OVERCOMMIT = Path.of("/proc/sys/vm/overcommit_memory");

    private OsMappings() {}

    /** {@return whether this OS can be asked} */
    static boolean available() {
        return Files.isReadable(MAPS);
    }

    /** One line of {@code /proc/self/maps} with the range it describes. */
    record Line(AddressRange range, String text) {}

    /**
     * @param ranges address ranges, each as {@code [start, end)}
     * @return the lines of {@code /proc/self/maps} that overlap any of them; empty when all are gone
     */
    static List<String> stillMapped(List<AddressRange> ranges) {
        return linesOverlapping(ranges).stream().map(Line::text).toList();
    }

    /** {@return the lines of {@code /proc/self/maps} that overlap any of {@code ranges}, read at once} */
    static List<Line> linesOverlapping(List<AddressRange> ranges) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        try {
            return overlappingLines(Files.readAllLines(MAPS), ranges);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MAPS, e);
        }
    }

    /**
     * Like {@link #linesOverlapping}, but keeps only mappings that hakmem's own {@code mmap} could
     * have made. Every SuperSlab is mapped read-write, private, anonymous and {@code MAP_NORESERVE},
     * and hakmem never changes a mapping's protection; so a line without the {@code nr} flag in
     * {@code /proc/self/smaps} (a thread stack, its guard, a block malloc mapped on its own) cannot be a range a
     * closed arena failed to unmap. Where the kernel cannot show the flag, every overlapping line
     * is kept.
     *
     * @return the possibly hakmem-made lines overlapping any of {@code ranges}, read at once
     */
    static List<Line> possiblyHakmemOverlapping(List<AddressRange> ranges) {
        if (ranges.isEmpty() || !noReserveShown()) {
            return linesOverlapping(ranges);
        }
        try {
            return possiblyHakmem(Files.readAllLines(SMAPS), ranges);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SMAPS, e);
        }
    }

    static List<Line> possiblyHakmem(List<String> smapsLines, List<AddressRange> ranges) {
        List<Line> hits = new ArrayList<>();
        @Nullable Line current = null;
        for (String line : smapsLines) {
            AddressRange mapped = parse(line);
            if (mapped != null) {
                boolean hakmemShaped = line.contains(" rw-p ") && isAnonymous(line);
                current = hakmemShaped && ranges.stream().anyMatch(mapped::overlaps) ? new Line(mapped, line) : null;
            } else if (current != null && line.startsWith("VmFlags:")) {
                if (List.of(line.substring("VmFlags:".length()).trim().split("\\s+"))
                        .contains("nr")) {
                    hits.add(current);
                }
                current = null;
            }
        }
        return hits;
    }

    /** Anonymous: inode 0 and no path or pseudo-name after it. */
    private static boolean isAnonymous(String header) {
        String[] fields = header.trim().split("\\s+");
        return fields.length == 5 && fields[4].equals("0");
    }

    /** {@return whether {@code /proc/self/smaps} can show which mappings are {@code MAP_NORESERVE}} */
    static boolean noReserveShown() {
        if (!Files.isReadable(SMAPS)) {
            return false;
        }
        try {
            return !Files.readString(OVERCOMMIT).trim().equals("2");
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> overlapping(List<String> mapsLines, List<AddressRange> ranges) {
        return overlappingLines(mapsLines, ranges).stream().map(Line::text).toList();
    }

    private static List<Line> overlappingLines(List<String> mapsLines, List<AddressRange> ranges) {
        List<Line> hits = new ArrayList<>();
        for (String line : mapsLines) {
            AddressRange mapped = parse(line);
            if (mapped != null && ranges.stream().anyMatch(mapped::overlaps)) {
                hits.add(new Line(mapped, line));
            }
        }
        return hits;
    }

    private static @Nullable AddressRange parse(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        if (dash <= 0 || space <= dash) {
            return null;
        }
        try {
            return new AddressRange(
                    Long.parseUnsignedLong(line, 0, dash, 16), Long.parseUnsignedLong(line, dash + 1, space, 16));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
