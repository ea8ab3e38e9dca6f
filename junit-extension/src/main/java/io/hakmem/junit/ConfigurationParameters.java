package io.hakmem.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Reads and validates the {@code hakmem.*} JUnit configuration parameters. */
@NullMarked
final class ConfigurationParameters {

    static final String MAGAZINE_CAPACITY = "hakmem.magazineCapacity";
    static final String ZERO_ON_ALLOCATE = "hakmem.zeroOnAllocate";
    static final String TRACK_ALLOCATION_SITES = "hakmem.trackAllocationSites";
    static final String LEAK_CHECK = "hakmem.leakCheck";
    static final String DETECT_USE_AFTER_FREE = "hakmem.detectUseAfterFree";
    static final String IGNORE_LEAKS_FROM = "hakmem.ignoreLeaksFrom";
    static final String STACK_DEPTH = "hakmem.stackDepth";
    static final String UNCLOSED_ARENAS = "hakmem.unclosedArenas";

    private ConfigurationParameters() {}

    static Optional<Integer> magazineCapacity(ExtensionContext context) {
        return wholeNumber(context, MAGAZINE_CAPACITY, 0, 65536);
    }

    static Optional<Boolean> zeroOnAllocate(ExtensionContext context) {
        return bool(context, ZERO_ON_ALLOCATE);
    }

    static Optional<Boolean> trackAllocationSites(ExtensionContext context) {
        return bool(context, TRACK_ALLOCATION_SITES);
    }

    static Optional<LeakCheckMode> leakCheck(ExtensionContext context) {
        return mode(context, LEAK_CHECK);
    }

    static Optional<LeakCheckMode> unclosedArenas(ExtensionContext context) {
        return mode(context, UNCLOSED_ARENAS);
    }

    static Optional<Boolean> detectUseAfterFree(ExtensionContext context) {
        return bool(context, DETECT_USE_AFTER_FREE);
    }

    /** {@return the comma-separated patterns of hakmem.ignoreLeaksFrom, blanks dropped} */
    static List<String> ignoreLeaksFrom(ExtensionContext context) {
        return raw(context, IGNORE_LEAKS_FROM)
                .map(ConfigurationParameters::patterns)
                .orElse(List.of());
    }

    static List<String> patterns(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    static Optional<Integer> stackDepth(ExtensionContext context) {
        return wholeNumber(context, STACK_DEPTH, 1, 32);
    }

    private static Optional<Integer> wholeNumber(ExtensionContext context, String key, int min, int max) {
        return raw(context, key).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below with the key and value
            }
            throw invalid(key, value, "a whole number from " + min + " to " + max);
        });
    }

    private static Optional<LeakCheckMode> mode(ExtensionContext context, String key) {
        return raw(context, key).map(value -> switch (value.toUpperCase(Locale.ROOT)) {
            case "FAIL" -> LeakCheckMode.FAIL;
            case "WARN" -> LeakCheckMode.WARN;
            case "OFF" -> LeakCheckMode.OFF;
            default -> throw invalid(key, value, "FAIL, WARN or OFF");
        });
    }

    private static Optional<Boolean> bool(ExtensionContext context, String key) {
        return raw(context, key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(key, value, "true or false");
        });
    }

    private static Optional<String> raw(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key).map(String::trim);
    }

    private static ExtensionConfigurationException invalid(String key, String value, String expected) {
        return new ExtensionConfigurationException("Invalid value '" + value
                + "' for JUnit configuration parameter '" + key + "': expected " + expected
                + " (set in junit-platform.properties, as a system property or by the launcher)");
    }
}
