package io.hakmem.junit;

import io.hakmem.HakmemConfig;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Resolves {@link ArenaSettings} for a context: the test method's {@link HakmemSettings}, then the
 * test class's and its enclosing classes' (innermost first), then configuration parameters, then
 * defaults.
 */
@NullMarked
final class SettingsResolver {

    private SettingsResolver() {
    }

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
        Level modeLevel = first(levels, s -> s.leakCheck() != LeakCheckMode.INHERIT);
        LeakCheckMode mode = modeLevel != null ? modeLevel.settings().leakCheck()
                : ConfigurationParameters.leakCheck(context).orElse(LeakCheckMode.FAIL);
        return new ArenaSettings(builder.build(), mode);
    }

    private static void applyAnnotated(Level level, HakmemConfig.Builder builder) {
        int capacity = level.settings().magazineCapacity();
        try {
            builder.magazineCapacity(capacity);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@HakmemSettings(magazineCapacity = " + capacity
                    + ") on " + level.where() + " is invalid: " + e.getMessage(), e);
        }
    }

    private static Optional<Boolean> toggle(List<Level> levels, Function<HakmemSettings, Toggle> attribute) {
        Level level = first(levels, s -> attribute.apply(s) != Toggle.INHERIT);
        return level == null ? Optional.empty()
                : Optional.of(attribute.apply(level.settings()) == Toggle.ON);
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
        context.getTestMethod().ifPresent(m -> add(levels, m, m.getDeclaringClass().getSimpleName()
                + "." + m.getName() + "()"));
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
        AnnotationSupport.findAnnotation(element, HakmemSettings.class)
                .ifPresent(s -> levels.add(new Level(s, where)));
    }

    private record Level(HakmemSettings settings, String where) {
    }
}
