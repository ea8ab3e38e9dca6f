package io.hakmem.junit;

import io.hakmem.HakmemArena;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Creates arenas for the extension, explaining a missing {@code --enable-native-access} once. */
@NullMarked
final class ArenaFactory {

    private static final System.Logger LOG = System.getLogger(HakmemExtension.class.getName());

    static final String HOW_TO_ENABLE = "hakmem arenas map memory through java.lang.foreign, which needs"
            + " native access, and this JVM was started without it. Add --enable-native-access=ALL-UNNAMED"
            + " to the test JVM; with Maven Surefire (or Failsafe):\n"
            + "  <plugin>\n"
            + "    <artifactId>maven-surefire-plugin</artifactId>\n"
            + "    <configuration>\n"
            + "      <argLine>--enable-native-access=ALL-UNNAMED</argLine>\n"
            + "    </configuration>\n"
            + "  </plugin>\n"
            + "(on the module path, name the module instead of ALL-UNNAMED; with Gradle, add it to"
            + " test { jvmArgs(...) }).";

    private ArenaFactory() {}

    static HakmemArena create(ArenaSettings settings, ExtensionContext context) {
        adviseOnNativeAccess(context);
        try {
            HakmemArena arena = HakmemArena.create(settings.config());
            LiveArenas.add(arena);
            return arena;
        } catch (IllegalCallerException e) {
            throw new ExtensionConfigurationException(HOW_TO_ENABLE, e);
        }
    }

    /** JDK 22 to 25 only warn about restricted calls; say once per run how to fix it for good. */
    private static void adviseOnNativeAccess(ExtensionContext context) {
        if (HakmemArena.class.getModule().isNativeAccessEnabled()) {
            return;
        }
        ExtensionContext.Store root = context.getRoot().getStore(HakmemExtension.NAMESPACE);
        root.getOrComputeIfAbsent(
                NativeAccessAdvice.class,
                key -> {
                    LOG.log(System.Logger.Level.WARNING, HOW_TO_ENABLE);
                    context.publishReportEntry(Verdicts.REPORT_KEY, HOW_TO_ENABLE);
                    return new NativeAccessAdvice();
                },
                NativeAccessAdvice.class);
    }

    /** Marks in the root store that the advice was given. */
    private static final class NativeAccessAdvice {}
}
