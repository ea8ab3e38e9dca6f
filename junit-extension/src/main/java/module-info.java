/**
 * JUnit Jupiter support for hakmem-java: {@link io.hakmem.junit.HakmemExtension} gives each test
 * a fresh {@link io.hakmem.HakmemArena} and fails tests that leak native memory;
 * {@link io.hakmem.junit.HakmemAssertions} adds AssertJ assertions.
 *
 * <p>Its API names types of the allocator, JUnit Jupiter and AssertJ, so modules that read this
 * one read those too. {@code @InjectArena} fields are set reflectively: on the module path, open
 * the test package to this module ({@code opens com.example.tests to io.hakmem.junit}), or use a
 * {@code HakmemArena} parameter instead.
 */
module io.hakmem.junit {
    requires transitive io.hakmem.allocator;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires org.junit.platform.commons;
    // Static: never needed at run time; transitive: the exported API carries the annotations.
    requires static transitive org.jspecify;
    // The end-of-run report (HakmemRunListener) is loaded by the launcher, which is always there then.
    requires static org.junit.platform.launcher;

    exports io.hakmem.junit;

    // junit.jupiter.extensions.autodetection.enabled=true registers the extension for every test.
    provides org.junit.jupiter.api.extension.Extension with
            io.hakmem.junit.HakmemExtension;
    provides org.junit.platform.launcher.TestExecutionListener with
            io.hakmem.junit.HakmemRunListener;
}
