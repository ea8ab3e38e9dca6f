package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/** Sets {@link InjectArena} fields of test instances, rejecting fields that cannot hold an arena. */
@NullMarked
final class FieldInjector {

    private FieldInjector() {}

    /**
     * @param instances the test instances, outermost first
     * @param sharedConcurrently the classes whose one instance serves tests that run at the same time
     * @param arena called only if some instance has an annotated field
     */
    static void inject(List<Object> instances, Set<Class<?>> sharedConcurrently, Supplier<HakmemArena> arena) {
        for (Object instance : instances) {
            for (Field field : AnnotationSupport.findAnnotatedFields(
                    instance.getClass(), InjectArena.class, f -> true, HierarchyTraversalMode.TOP_DOWN)) {
                validate(field);
                if (sharedConcurrently.contains(instance.getClass())) {
                    throw sharedField(field, instance.getClass());
                }
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

    /**
     * Each concurrent test would set the one field to its own arena, and the others would then
     * allocate from and free into an arena that is not theirs: fail with the fixes instead.
     */
    private static ExtensionConfigurationException sharedField(Field field, Class<?> testClass) {
        return new ExtensionConfigurationException(
                "@InjectArena field " + field.getDeclaringClass().getName()
                        + "." + field.getName() + " cannot hold the arena of each test: " + testClass.getName()
                        + " has one instance for all its tests (@TestInstance(Lifecycle.PER_CLASS)) and they run"
                        + " concurrently, so each test would overwrite the arena that the others are using. Take a"
                        + " HakmemArena parameter in the test method (and in @BeforeEach/@AfterEach) instead of the"
                        + " field, or use @TestInstance(Lifecycle.PER_METHOD), or run this class's tests one at a"
                        + " time with @Execution(ExecutionMode.SAME_THREAD).");
    }

    private static void set(Field field, Object instance, HakmemArena arena) {
        try {
            field.setAccessible(true);
            field.set(instance, arena);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException(
                    "cannot set @InjectArena field " + field.getDeclaringClass().getName() + "." + field.getName()
                            + ": " + e,
                    e);
        }
    }
}
