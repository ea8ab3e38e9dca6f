import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by exec-maven-plugin with the {@code java} of the selected JDK toolchain. Starts
 * {@code ModulePathApp} as a separate JVM of the same JDK, on the module path, with
 * {@code --enable-native-access=io.hakmem.allocator} only and a JFR recording; fails (exit 1) when
 * the app fails, when its stderr holds a warning (the JDK prints one for every module that calls a
 * restricted method without being granted native access), or when {@code jfr print --events
 * 'hakmem.*'} shows SuperSlab map and release events whose counts differ from the app's own.
 *
 * <p>Arguments: the module path, and a directory for the recording and the captured output.
 */
public final class ModulePathCheck {

    private static final String MODULE = "io.hakmem.it.modulepath/io.hakmem.it.modulepath.ModulePathApp";

    private ModulePathCheck() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: ModulePathCheck <module path> <output directory>, got " + args.length + " arguments");
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        Path recording = out.resolve("module-path.jfr");
        Files.deleteIfExists(recording);
        List<String> command = List.of(
                tool("java"),
                "--enable-native-access=io.hakmem.allocator",
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default",
                "--module-path",
                args[0],
                "-m",
                MODULE);
        System.out.println("[module-path] " + String.join(" ", command));
        Result app = run(command);
        Files.writeString(out.resolve("app-stdout.txt"), app.stdout);
        Files.writeString(out.resolve("app-stderr.txt"), app.stderr);
        System.out.print(indent("app stdout", app.stdout));
        System.out.print(indent("app stderr", app.stderr));
        List<String> failures = new ArrayList<>();
        if (app.exitCode != 0) {
            failures.add("the app exited with " + app.exitCode);
        }
        if (app.stderr.contains("WARNING")) {
            failures.add("the app's stderr holds a WARNING (restricted method without native access?)");
        }
        if (failures.isEmpty()) {
            checkEvents(app.stdout, recording, out, failures);
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("[module-path] FAILED: " + f));
            System.exit(1);
        }
        System.out.println("[module-path] OK: named module, native access for io.hakmem.allocator only, no warning,"
                + " JFR counts match");
    }

    private static void checkEvents(String stdout, Path recording, Path out, List<String> failures)
            throws IOException, InterruptedException {
        Matcher totals = Pattern.compile("superSlabsMappedTotal=(\\d+) superSlabsReleasedTotal=(\\d+)")
                .matcher(stdout);
        if (!totals.find()) {
            failures.add("the app printed no superSlabsMappedTotal/superSlabsReleasedTotal totals");
            return;
        }
        Result print = run(List.of(tool("jfr"), "print", "--events", "hakmem.*", recording.toString()));
        Files.writeString(out.resolve("jfr-print.txt"), print.stdout);
        if (print.exitCode != 0) {
            failures.add("jfr print exited with " + print.exitCode + ": " + print.stderr);
            return;
        }
        long mapped = count(print.stdout, "hakmem.SuperSlabMapped");
        long released = count(print.stdout, "hakmem.SuperSlabReleased");
        System.out.println("[module-path] jfr print --events 'hakmem.*': " + mapped + " hakmem.SuperSlabMapped, "
                + released + " hakmem.SuperSlabReleased, " + count(print.stdout, "hakmem.Trim") + " hakmem.Trim, "
                + count(print.stdout, "hakmem.SlabPurged") + " hakmem.SlabPurged; the app counted "
                + totals.group(1) + " mapped, " + totals.group(2) + " released");
        if (mapped != Long.parseLong(totals.group(1)) || released != Long.parseLong(totals.group(2))) {
            failures.add("JFR event counts differ from the arena statistics");
        }
        if (mapped == 0) {
            failures.add("no hakmem.SuperSlabMapped event was recorded");
        }
    }

    private static long count(String jfrPrint, String eventName) {
        return jfrPrint.lines().filter(line -> line.equals(eventName + " {")).count();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        int exit = process.waitFor();
        return new Result(exit, stdout, stderr.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String indent(String title, String text) {
        if (text.isEmpty()) {
            return "[module-path] " + title + ": (empty)\n";
        }
        StringBuilder b = new StringBuilder("[module-path] " + title + ":\n");
        text.lines().forEach(line -> b.append("    ").append(line).append('\n'));
        return b.toString();
    }

    private record Result(int exitCode, String stdout, String stderr) {}
}
