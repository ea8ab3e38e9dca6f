package example.junit6;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

class JUnit6VersionTest {

    @Test
    void runsOnJupiterSix() {
        String version = ExtensionContext.class.getPackage().getImplementationVersion();
        assertThat(version).as("junit-jupiter-api on the test class path").startsWith("6.");
    }
}
