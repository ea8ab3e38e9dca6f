package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakmem.junit.samples.SettingsSamples;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HakmemSettingsTest {

    @Test
    void defaultsTrackAllocationSites() {
        SampleRunner.run(SettingsSamples.Defaults.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void methodSettingsOverrideClassSettingsAndNestedClassesInherit() {
        SampleRunner.run(SettingsSamples.Annotated.class)
                .testEvents()
                .assertStatistics(s -> s.started(3).succeeded(3));
    }

    @Test
    void configurationParametersSetDefaults() {
        SampleRunner.run(
                        SettingsSamples.FromParameters.class,
                        Map.of(
                                "hakmem.magazineCapacity", "7",
                                "hakmem.trackAllocationSites", "false",
                                "hakmem.zeroOnAllocate", " FALSE "))
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @ParameterizedTest
    @CsvSource({
        "hakmem.magazineCapacity, lots, 'a whole number from 0 to 65536'",
        "hakmem.magazineCapacity, -1, 'a whole number from 0 to 65536'",
        "hakmem.zeroOnAllocate, yes, 'true or false'",
        "hakmem.trackAllocationSites, 1, 'true or false'",
        "hakmem.leakCheck, LOUD, 'FAIL, WARN or OFF'",
    })
    void invalidParameterIsRejectedNamingKeyAndValue(String key, String value, String expected) {
        Throwable failure = SampleRunner.configurationError(
                SampleRunner.onlyFailure(SampleRunner.run(SettingsSamples.Defaults.class, Map.of(key, value))));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining("expected " + expected);
    }

    @Test
    void invalidAnnotationValueIsRejectedNamingWhere() {
        Throwable failure = SampleRunner.configurationError(
                SampleRunner.onlyFailure(SampleRunner.run(SettingsSamples.InvalidAnnotation.class)));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@HakmemSettings(magazineCapacity = 70000)")
                .hasMessageContaining("SettingsSamples$InvalidAnnotation")
                .hasMessageContaining("70000");
    }
}
