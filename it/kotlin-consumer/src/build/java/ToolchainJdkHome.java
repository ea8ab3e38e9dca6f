import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Run by exec-maven-plugin with the {@code java} of the JDK toolchain that the root POM selects
 * (Maven itself may run on an older JDK). Writes that JDK's home as {@code kotlin.compiler.jdkHome}
 * so kotlinc compiles against the same class library (java.lang.foreign) the tests run on.
 */
public final class ToolchainJdkHome {

    private ToolchainJdkHome() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException(
                    "usage: ToolchainJdkHome <properties file to write>, got " + args.length + " arguments");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Properties properties = new Properties();
        properties.setProperty("kotlin.compiler.jdkHome", System.getProperty("java.home"));
        properties.setProperty("kotlin.compiler.jdkVersion", Runtime.version().toString());
        try (Writer writer = Files.newBufferedWriter(out)) {
            properties.store(writer, null);
        }
    }
}
