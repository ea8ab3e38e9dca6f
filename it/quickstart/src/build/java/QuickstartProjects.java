import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the README's quickstart into projects, exactly as pasted. A fence belongs to the quickstart
 * when the line before it is {@code <!-- quickstart java kotlin: path/in/project -->}: its body is
 * written to that path of each named project. The invoker files of each project (expected result,
 * verify script) come from the template directory.
 *
 * <p>Usage: {@code java QuickstartProjects.java README.md templates outputDirectory}
 */
public final class QuickstartProjects {

    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^<!-- quickstart ([a-z ]+): (\\S+) -->\\n```[a-z]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);

    public static void main(String[] args) throws IOException {
        String readme = Files.readString(Path.of(args[0]));
        Path templates = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Map<String, Integer> files = new TreeMap<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            for (String project : m.group(1).trim().split(" +")) {
                Path target = out.resolve(project).resolve(m.group(2));
                Files.createDirectories(target.getParent());
                Files.writeString(target, m.group(3));
                files.merge(project, 1, Integer::sum);
            }
        }
        try (Stream<Path> dirs = Files.list(templates)) {
            for (Path dir : dirs.toList()) {
                String project = dir.getFileName().toString();
                if (!Files.isRegularFile(out.resolve(project).resolve("pom.xml"))) {
                    throw new IllegalStateException("README.md has no '<!-- quickstart " + project
                            + ": pom.xml -->' block; found files for " + files);
                }
                try (Stream<Path> templateFiles = Files.list(dir)) {
                    for (Path f : templateFiles.toList()) {
                        Files.copy(
                                f,
                                out.resolve(project).resolve(f.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        System.out.println("quickstart projects from README.md: " + files + " files in " + out);
        if (files.isEmpty() || List.copyOf(files.values()).contains(0)) {
            throw new IllegalStateException("no quickstart blocks in " + args[0]);
        }
    }
}
