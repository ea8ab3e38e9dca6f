package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.jspecify.annotations.NullMarked;

/** Sets {@link InjectArena} fields of test instances, rejecting fields that cannot hold an arena. */
@NullMarked
final class FieldInjector {

    private FieldInjector() {
    }

    /** @param arena called only if some instance has an annotated field */
    static void inject(List<Object> instances, Supplier<HakmemArena> arena) {
        for (Object instance : instances) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), InjectArena.class,
                    f -> true, HierarchyTraversalMode.TOP_DOWN)) {
                validate(field);
                set(field, instance, arena.get());
            }
        }
    }

    private static void validate(Field field) {
        String name = field.getDeclaringClass().getName() + "." + field.getName();
        if (Modifier.isStatic(field.getModifiers())) {
            throw new ExtensionConfigurationException("@InjectArena field " + name
                    + " is static, but each test gets its own arena: make it an instance field"
                    + " (or take a HakmemArena parameter in @BeforeAll)");
        }
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@InjectArena field " + name + " is final; remove final");
        }
        if (!field.getType().isAssignableFrom(HakmemArena.class)) {
            throw new ExtensionConfigurationException("@InjectArena field " + name + " has type "
                    + field.getType().getName() + ", which cannot hold a " + HakmemArena.class.getName());
        }
    }

    private static void set(Field field, Object instance, HakmemArena arena) {
        try {
            field.setAccessible(true);
            field.set(instance, arena);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot set @InjectArena field "
                    + field.getDeclaringClass().getName() + "." + field.getName() + ": " + e, e);
        }
    }
}
