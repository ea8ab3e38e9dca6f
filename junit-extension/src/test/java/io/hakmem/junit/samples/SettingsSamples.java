package io.hakmem.junit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hakmem.HakmemArena;
import io.hakmem.HakmemConfig;
import io.hakmem.junit.HakmemExtension;
import io.hakmem.junit.HakmemSettings;
import io.hakmem.junit.Toggle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests that assert the configuration of the arena they were given. */
public final class SettingsSamples {

    private SettingsSamples() {}

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class Defaults {
        @Test
        void tracksAllocationSites(HakmemArena arena) {
            assertTrue(arena.config().trackAllocationSites(), "tracking is on by default under the extension");
            assertEquals(
                    HakmemConfig.defaults().magazineCapacity(), arena.config().magazineCapacity());
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @HakmemSettings(magazineCapacity = 0, zeroOnAllocate = Toggle.OFF)
    public static class Annotated {
        @Test
        void classSettings(HakmemArena arena) {
            assertEquals(0, arena.config().magazineCapacity());
            assertFalse(arena.config().zeroOnAllocate());
            assertTrue(arena.config().trackAllocationSites());
        }

        @Test
        @HakmemSettings(magazineCapacity = 16, trackAllocationSites = Toggle.OFF)
        void methodOverridesClass(HakmemArena arena) {
            assertEquals(16, arena.config().magazineCapacity());
            assertFalse(arena.config().zeroOnAllocate(), "not set on the method, so the class's value");
            assertFalse(arena.config().trackAllocationSites());
        }

        @Nested
        class Inner {
            @Test
            void inheritsEnclosingSettings(HakmemArena arena) {
                assertEquals(0, arena.config().magazineCapacity());
            }
        }
    }

    /** Run with configuration parameters; asserts what they set. */
    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    public static class FromParameters {
        @Test
        void parametersApply(HakmemArena arena) {
            assertEquals(7, arena.config().magazineCapacity());
            assertFalse(arena.config().trackAllocationSites());
            assertFalse(arena.config().zeroOnAllocate());
        }
    }

    @OnlyInTestKit
    @ExtendWith(HakmemExtension.class)
    @HakmemSettings(magazineCapacity = 70000)
    public static class InvalidAnnotation {
        @Test
        void neverGetsAnArena(HakmemArena arena) {}
    }
}
