package io.hakmem.junit;

import io.hakmem.HakmemArena;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Gives each test a fresh {@link HakmemArena} and proves afterwards that the test gave every byte
 * back: first to the arena, then to the OS.
 *
 * <p><b>Injection.</b> A {@code HakmemArena} parameter of a test method, of its {@code @BeforeEach}
 * and {@code @AfterEach} methods and of the test class's constructor, and every non-static field
 * annotated {@link InjectArena}, all get the same arena, created for that one test (each
 * invocation of a {@code @ParameterizedTest} or {@code @RepeatedTest} gets its own). A parameter
 * of a {@code @BeforeAll} or {@code @AfterAll} method gets an arena that lives as long as the test
 * class and is checked when the class finishes.
 *
 * <p><b>After each test</b>, in this order:
 * <ol>
 *   <li>Leak check: any block still live fails the test with an {@link AssertionError} giving the
 *       count and bytes and listing the first 20 blocks with size, address and the source line
 *       that allocated them (allocation sites are tracked by default under this extension).</li>
 *   <li>Reclamation check: after {@link HakmemArena#trim()}, no SuperSlab and no byte may remain
 *       mapped; the message says why something is (live blocks, or blocks pinned in another
 *       thread's cache).</li>
 *   <li>The arena is closed, and on Linux {@code /proc/self/maps} must no longer show any range
 *       the arena had mapped.</li>
 * </ol>
 * If the test had already failed, the report is added to that failure as a suppressed exception.
 * {@link HakmemSettings} and the {@code hakmem.*} configuration parameters choose the arena's
 * settings and whether a problem fails the test, only warns, or is not checked.
 *
 * <pre>{@code
 * @ExtendWith(HakmemExtension.class)
 * class FrameDecoderTest {
 *     @InjectArena
 *     HakmemArena arena;
 *
 *     @Test
 *     void decodesOneFrame() {
 *         MemorySegment frame = arena.allocate(24);
 *         assertThat(FrameDecoder.decode(frame)).isNotNull();
 *         arena.free(frame);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Closing the arena yourself</b> is allowed, in the test or in an {@code @AfterEach} method:
 * {@code close()} unmaps every block, so the leak and reclamation checks are skipped, and the OS
 * check runs on the ranges the arena held when the extension last saw it open (after the
 * {@code @BeforeEach} methods and after the test method).
 *
 * <p><b>Parallel execution.</b> Each arena lives in the {@link ExtensionContext.Store} of its test,
 * so tests may run concurrently. The OS check then does not mistake a range the kernel has already
 * handed to a concurrent test's arena for one this arena kept. With
 * {@code @TestInstance(Lifecycle.PER_CLASS)} and concurrent tests, the one test instance cannot
 * hold each test's arena in an {@link InjectArena} field; such a test fails with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the fixes. Take a
 * {@code HakmemArena} parameter instead.
 */
@NullMarked
public final class HakmemExtension
        implements ParameterResolver,
                BeforeEachCallback,
                BeforeTestExecutionCallback,
                AfterTestExecutionCallback,
                AfterEachCallback {

    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HakmemExtension.class);

    /** Creates the extension; JUnit calls this for {@code @ExtendWith(HakmemExtension.class)}. */
    public HakmemExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == HakmemArena.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return arena(extensionContext);
    }

    /** Constructors see the test method's context, so they share the test's arena. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestScope scope = new TestScope(ArenaChecks.testName(context), SettingsResolver.resolve(context));
        store(context).put(TestScope.class, scope);
        ProcessWatch.enter(scope);
        FieldInjector.inject(
                context.getRequiredTestInstances().getAllInstances(),
                sharedConcurrently(context),
                () -> arena(context));
    }

    /** Remembers what the arenas hold once {@code @BeforeEach} methods ran, in case the test closes one. */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        observeArenas(context);
    }

    /** Remembers what the arenas hold after the test method, in case an {@code @AfterEach} method closes one. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        observeArenas(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestScope scope = store(context).remove(TestScope.class, TestScope.class);
        ArenaResource resource = store(context).remove(ArenaResource.class, ArenaResource.class);
        List<String> problems = new ArrayList<>();
        if (resource != null) {
            problems.addAll(ArenaChecks.checkAndClose(resource, context));
        }
        if (scope == null) {
            Verdicts.deliver(
                    problems,
                    resource == null ? LeakCheckMode.OFF : resource.settings().leakCheck(),
                    context);
            return;
        }
        ProcessWatch.leave(scope);
        LeakCheckMode mode = scope.settings().leakCheck();
        List<String> emptyArenas = new ArrayList<>();
        if (mode != LeakCheckMode.OFF) {
            problems.addAll(ScopeChecks.leaks(scope));
            ScopeChecks.unclosedArenas(scope, problems, emptyArenas);
        }
        if (scope.settings().unclosedArenas() == LeakCheckMode.FAIL) {
            problems.addAll(emptyArenas);
        } else {
            Verdicts.deliver(emptyArenas, scope.settings().unclosedArenas(), context);
        }
        Verdicts.deliver(problems, mode, context);
    }

    /**
     * Not getOrComputeIfAbsent: the store would remember a configuration error and throw it again
     * from afterEach. One test's callbacks run on one thread, so get-then-put does not race.
     */
    private static HakmemArena arena(ExtensionContext context) {
        ExtensionContext.Store store = store(context);
        ArenaResource resource = store.get(ArenaResource.class, ArenaResource.class);
        if (resource == null) {
            resource = open(context);
            store.put(ArenaResource.class, resource);
        }
        return resource.arena();
    }

    private static ArenaResource open(ExtensionContext context) {
        ArenaSettings settings = SettingsResolver.resolve(context);
        boolean classLevel = context.getTestMethod().isEmpty();
        return new ArenaResource(ArenaFactory.create(settings, context), settings, context, classLevel);
    }

    /** The test's own arena and those of enclosing classes' {@code @BeforeAll} methods. */
    private static void observeArenas(ExtensionContext context) {
        for (@Nullable ExtensionContext c = context;
                c != null;
                c = c.getParent().orElse(null)) {
            ArenaResource resource = store(c).get(ArenaResource.class, ArenaResource.class);
            if (resource != null) {
                resource.observe();
            }
        }
    }

    /**
     * The test classes whose single instance (PER_CLASS) serves this test while others may run at
     * the same time. The execution mode alone is not enough: it says CONCURRENT even when parallel
     * execution is off and everything runs on one thread.
     */
    private static Set<Class<?>> sharedConcurrently(ExtensionContext context) {
        boolean parallel = context.getConfigurationParameter(PARALLEL_ENABLED)
                .map(Boolean::parseBoolean)
                .orElse(false);
        if (!parallel || context.getExecutionMode() != ExecutionMode.CONCURRENT) {
            return Set.of();
        }
        Set<Class<?>> shared = new HashSet<>();
        for (@Nullable ExtensionContext c = context;
                c != null;
                c = c.getParent().orElse(null)) {
            if (c.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS) {
                c.getTestClass().ifPresent(shared::add);
            }
        }
        return shared;
    }

    /** Keyed by unique id so that a test never sees an enclosing class's arena through the store's parent chain. */
    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE.append(context.getUniqueId()));
    }
}
