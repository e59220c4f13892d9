package io.camelsegment.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quarkus.camel.segment.devservices.enabled=false} keeps the emulator off even with nothing configured. */
class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(BuildItemProbe.class))
            .overrideConfigKey("quarkus.camel.segment.devservices.enabled", "false")
            .addBuildChainCustomizer(BuildItemProbe.recordBuildItems());

    @Test
    void noEmulatorIsStarted() {
        assertThat(BuildItemProbe.recorded("devServices")).doesNotContain("camel-segment");
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.segment.apiUrl", String.class)).isEmpty();
    }
}
