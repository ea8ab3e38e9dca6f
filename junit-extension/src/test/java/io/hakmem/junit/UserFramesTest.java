package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserFramesTest {

    private static StackTraceElement frame(String className, String file, int line) {
        return new StackTraceElement(className, "m", file, line);
    }

    private final StackTraceElement allocator = frame("io.hakmem.HakmemArena", "HakmemArena.java", 10);
    private final StackTraceElement slab = frame("io.hakmem.slab.SuperSlab", "SuperSlab.java", 20);
    private final StackTraceElement jdk = frame("java.lang.foreign.SegmentAllocator", "SegmentAllocator.java", 30);
    private final StackTraceElement helper = frame("com.example.Buffers", "Buffers.java", 40);
    private final StackTraceElement test = frame("com.example.CodecTest$Inner", "CodecTest.java", 50);

    @Test
    void prefersTheTestClassOrItsNestedClasses() {
        assertThat(UserFrames.userFrame(List.of(allocator, slab, jdk, helper, test), "com.example.CodecTest"))
                .isSameAs(test);
    }

    @Test
    void elseTakesTheFirstFrameOutsideLibraries() {
        assertThat(UserFrames.userFrame(List.of(allocator, slab, jdk, helper, test), "com.example.Other"))
                .isSameAs(helper);
    }

    @Test
    void elseTheInnermostFrame() {
        assertThat(UserFrames.userFrame(List.of(allocator, jdk), null)).isSameAs(allocator);
        assertThat(UserFrames.userFrame(List.of(), null)).isNull();
    }

    @Test
    void extensionSubPackagesCountAsUserCode() {
        assertThat(UserFrames.isLibraryFrame("io.hakmem.junit.HakmemExtension")).isTrue();
        assertThat(UserFrames.isLibraryFrame("io.hakmem.cache.Magazine")).isTrue();
        assertThat(UserFrames.isLibraryFrame("io.hakmem.junit.samples.LeakSamples"))
                .isFalse();
        assertThat(UserFrames.isLibraryFrame("kotlin.io.CloseableKt")).isTrue();
    }

    @Test
    void formatsLikeAStackTraceWithoutModulePrefix() {
        assertThat(UserFrames.format(test)).isEqualTo("com.example.CodecTest$Inner.m(CodecTest.java:50)");
        assertThat(UserFrames.format(new StackTraceElement("A", "b", null, -1))).isEqualTo("A.b(Unknown Source)");
    }
}
