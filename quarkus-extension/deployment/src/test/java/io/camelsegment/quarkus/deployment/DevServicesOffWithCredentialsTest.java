package io.camelsegment.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A write key of the user's own means a Segment of their own: Dev Services start nothing and set nothing. */
class DevServicesOffWithCredentialsTest {

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(BuildItemProbe.class))
            .overrideConfigKey("camel.component.segment.write-key", "users-own-write-key")
            .addBuildChainCustomizer(BuildItemProbe.recordBuildItems());

    @Test
    void noEmulatorIsStartedAndTheComponentKeepsSegmentsAddresses() {
        assertThat(BuildItemProbe.recorded("devServices")).doesNotContain("camel-segment");
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.segment.trackingUrl", String.class)).isEmpty();
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.segment.token", String.class)).isEmpty();
        assertThat(ConfigProvider.getConfig().getValue("camel.component.segment.write-key", String.class))
                .isEqualTo("users-own-write-key");
    }
}
