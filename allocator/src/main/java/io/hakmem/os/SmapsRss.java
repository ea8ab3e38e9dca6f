package io.hakmem.os;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;

/** Resident bytes of an address range, summed from the Rss lines of {@code /proc/self/smaps}. */
@NullMarked
final class SmapsRss {

    private static final Path SMAPS = Path.of("/proc/self/smaps");

    private SmapsRss() {}

    /**
     * {@return resident bytes of the mappings inside {@code [address, address + bytes)}, or -1 when
     * they cannot be told apart from a neighbouring mapping the kernel merged them with}
     */
    static long residentBytes(long address, long bytes) {
        try (BufferedReader in = Files.newBufferedReader(SMAPS)) {
            return residentBytes(in, address, bytes);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The same, read from {@code smaps}: the file's text, one mapping header and its fields after another. */
    static long residentBytes(BufferedReader smaps, long address, long bytes) throws IOException {
        long end = address + bytes;
        long total = 0;
        boolean inside = false;
        for (String line = smaps.readLine(); line != null; line = smaps.readLine()) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && isHex(line, 0, dash)) {
                long start = Long.parseUnsignedLong(line, 0, dash, 16);
                long stop = Long.parseUnsignedLong(line, dash + 1, space, 16);
                inside = start >= address && stop <= end;
                if (!inside && start < end && stop > address) {
                    // The kernel merged the range with a neighbour: its Rss is not ours alone.
                    return -1;
                }
            } else if (inside && line.startsWith("Rss:")) {
                total += kilobytes(line) << 10;
            }
        }
        return total;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Parses "Rss:   1234 kB". */
    static long kilobytes(String line) {
        String digits = line.substring(line.indexOf(':') + 1).replace("kB", "").trim();
        return Long.parseLong(digits);
    }
}
