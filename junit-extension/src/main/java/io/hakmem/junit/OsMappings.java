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
