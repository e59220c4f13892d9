package io.camelsegment.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image of an application with this extension needs, registered in build steps: no native build can run
 * here, so these build items are what stands for one. The application runs with Dev Services switched off, which is
 * checked here too rather than by booting the same application again.
 */
class NativeRegistrationsTest {

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(BuildItemProbe.class))
            .overrideConfigKey("quarkus.camel.segment.devservices.enabled", "false")
            .addBuildChainCustomizer(BuildItemProbe.recordBuildItems());

    @Inject
    CamelContext context;

    @Test
    void devServicesSwitchedOffStartNoEmulatorEvenWithNothingConfigured() {
        assertThat(BuildItemProbe.recorded("devServices")).doesNotContain("camel-segment");
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.segment.apiUrl", String.class)).isEmpty();
    }

    @Test
    void theFeatureIsListed() {
        assertThat(BuildItemProbe.recorded("features")).contains("camel-segment");
    }

    @Test
    void nativeSslIsEnabledForHttps() {
        assertThat(BuildItemProbe.recorded("ssl")).contains("camel-segment");
    }

    @Test
    void classesCamelCreatesByNameAreRegisteredForReflection() {
        assertThat(BuildItemProbe.recorded("reflectiveConstructors")).contains("io.camelsegment.segment.SegmentComponent",
                "io.camelsegment.segment.SegmentEndpoint", "io.camelsegment.segment.SegmentConfiguration",
                "io.camelsegment.segment.SegmentComponentConfigurer",
                        "io.camelsegment.segment.SegmentEndpointConfigurer",
                        "io.camelsegment.segment.SegmentConfigurationConfigurer",
                        "io.camelsegment.segment.SegmentEndpointUriFactory");
        assertThat(BuildItemProbe.recorded("reflectiveMethods")).contains("io.camelsegment.segment.SegmentConfiguration");
    }

    @Test
    void theCatalogIsInTheImageAndCamelReadsIt() throws Exception {
        assertThat(BuildItemProbe.recorded("resources")).contains("META-INF/io/camelsegment/segment/segment.json");
        assertThat(((CatalogCamelContext) context).getComponentParameterJsonSchema("segment")).contains("\"scheme\": \"segment\"");
    }

    @Test
    void theBuildTimeCatalogToolIsInitialisedAtRunTime() {
        assertThat(BuildItemProbe.recorded("runtimeInitialized")).contains("io.camelsegment.segment.OperationCatalog");
    }

    @Test
    void theComponentJarIsIndexedSoCamelFindsTheComponent() {
        assertThat(BuildItemProbe.recorded("indexed")).contains("io.camelsegment:camel-segment");
        assertThat(context.getComponent("segment")).isInstanceOf(io.camelsegment.segment.SegmentComponent.class);
    }
}
