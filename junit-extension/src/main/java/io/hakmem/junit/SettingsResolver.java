package io.hakmem.junit;

import io.hakmem.HakmemConfig;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link ArenaSettings} for a context: the test method's {@link HakmemSettings}, then the
 * test class's and its enclosing classes' (innermost first), then configuration parameters, then
 * defaults.
 */
@NullMarked
final class SettingsResolver {

    private SettingsResolver() {}

    static ArenaSettings resolve(ExtensionContext context) {
        List<Level> levels = levels(context);
        HakmemConfig.Builder builder = HakmemConfig.builder();
        Level capacityLevel = first(levels, s -> s.magazineCapacity() != HakmemSettings.INHERIT);
        if (capacityLevel != null) {
            applyAnnotated(capacityLevel, builder);
        } else {
            ConfigurationParameters.magazineCapacity(context).ifPresent(builder::magazineCapacity);
        }
        toggle(levels, HakmemSettings::zeroOnAllocate)
                .or(() -> ConfigurationParameters.zeroOnAllocate(context))
                .ifPresent(builder::zeroOnAllocate);
        builder.trackAllocationSites(toggle(levels, HakmemSettings::trackAllocationSites)
                .or(() -> ConfigurationParameters.trackAllocationSites(context))
                .orElse(Boolean.TRUE));
        builder.detectUseAfterFree(toggle(levels, HakmemSettings::detectUseAfterFree)
                .or(() -> ConfigurationParameters.detectUseAfterFree(context))
                .orElse(DETECT_USE_AFTER_FREE_BY_DEFAULT));
        Level modeLevel = first(levels, s -> s.leakCheck() != LeakCheckMode.INHERIT);
        LeakCheckMode mode = modeLevel != null
                ? modeLevel.settings().leakCheck()
                : ConfigurationParameters.leakCheck(context).orElse(LeakCheckMode.FAIL);
        Level unclosedLevel = first(levels, s -> s.unclosedArenas() != LeakCheckMode.INHERIT);
        LeakCheckMode unclosed = unclosedLevel != null
                ? unclosedLevel.settings().unclosedArenas()
                : ConfigurationParameters.unclosedArenas(context).orElse(LeakCheckMode.WARN);
        List<String> ignore = new ArrayList<>();
        for (Level level : levels) {
            for (String pattern : level.settings().ignoreLeaksFrom()) {
                ignore.addAll(ConfigurationParameters.patterns(pattern));
            }
        }
        ignore.addAll(ConfigurationParameters.ignoreLeaksFrom(context));
        Level depthLevel = first(levels, s -> s.stackDepth() != HakmemSettings.INHERIT);
        int depth;
        if (depthLevel != null) {
            depth = depthLevel.settings().stackDepth();
            if (depth < 1 || depth > 32) {
                throw new ExtensionConfigurationException("@HakmemSettings(stackDepth = " + depth + ") on "
                        + depthLevel.where() + " is invalid: stackDepth must be between 1 and 32");
            }
        } else {
            depth = ConfigurationParameters.stackDepth(context).orElse(ArenaSettings.DEFAULT_STACK_DEPTH);
        }
        return new ArenaSettings(builder.build(), mode, ignore, depth, unclosed);
    }

    /**
     * Off: measured on this project's allocator suite, a JDK scope per block made it more than
     * twice as slow (see the README's use-after-free section), the bar for a default.
     */
    static final boolean DETECT_USE_AFTER_FREE_BY_DEFAULT = false;

    private static void applyAnnotated(Level level, HakmemConfig.Builder builder) {
        int capacity = level.settings().magazineCapacity();
        try {
            builder.magazineCapacity(capacity);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "@HakmemSettings(magazineCapacity = " + capacity + ") on " + level.where() + " is invalid: "
                            + e.getMessage(),
                    e);
        }
    }

    private static Optional<Boolean> toggle(List<Level> levels, Function<HakmemSettings, Toggle> attribute) {
        Level level = first(levels, s -> attribute.apply(s) != Toggle.INHERIT);
        return level == null ? Optional.empty() : Optional.of(attribute.apply(level.settings()) == Toggle.ON);
    }

    private static @Nullable Level first(List<Level> levels, Predicate<HakmemSettings> set) {
        for (Level level : levels) {
            if (set.test(level.settings())) {
                return level;
            }
        }
        return null;
    }

    private static List<Level> levels(ExtensionContext context) {
        List<Level> levels = new ArrayList<>();
        context.getTestMethod()
                .ifPresent(m -> add(levels, m, m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()"));
        context.getTestClass().ifPresent(c -> add(levels, c, c.getName()));
        List<Class<?>> enclosing = enclosingClasses(context);
        for (int i = enclosing.size() - 1; i >= 0; i--) {
            add(levels, enclosing.get(i), enclosing.get(i).getName());
        }
        return levels;
    }

    private static List<Class<?>> enclosingClasses(ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>();
        Class<?> c = context.getTestClass().orElse(null);
        while (c != null && c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            c = c.getEnclosingClass();
            classes.add(0, c);
        }
        return classes;
    }

    private static void add(List<Level> levels, AnnotatedElement element, String where) {
        AnnotationSupport.findAnnotation(element, HakmemSettings.class).ifPresent(s -> levels.add(new Level(s, where)));
    }

    private record Level(HakmemSettings settings, String where) {}
}
