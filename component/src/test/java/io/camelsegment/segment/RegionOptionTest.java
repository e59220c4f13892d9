package io.camelsegment.segment;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The region option: an unknown region is refused with a message naming the allowed ones. */
class RegionOptionTest {

    @Test
    void anUnknownRegionIsRefusedNamingUsAndEu() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();

            assertThatThrownBy(() -> context.getEndpoint("segment:track?region=asia"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .hasMessageContaining("region must be us or eu but was 'asia'")
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .rootCause().hasMessage("region must be us or eu but was 'asia'");
        }
    }

    @Test
    void anUnknownRegionInApplicationPropertiesIsRefusedNamingUsAndEu() {
        Main main = new Main();
        main.addInitialProperty("camel.component.segment.region", "asia");
        try {
            assertThatThrownBy(main::start).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .rootCause().hasMessage("region must be us or eu but was 'asia'");
        } finally {
            main.stop();
        }
    }

    @Test
    void aRegionSetOnTheComponentIsReadInAnyCase() {
        Main main = new Main();
        main.addInitialProperty("camel.component.segment.region", "EU");
        try {
            main.start();

            assertThat(main.getCamelContext().getComponent("segment", SegmentComponent.class).getConfiguration().getRegion())
                    .isEqualTo(SegmentRegion.EU);
        } finally {
            main.stop();
        }
    }

    @ParameterizedTest(name = "region={0} is {1}")
    @CsvSource({ "us,US", "eu,EU", "EU,EU", "Us,US" })
    void knownRegionsAreAcceptedInAnyCase(String name, SegmentRegion region) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();

            SegmentEndpoint endpoint = context.getEndpoint("segment:track?region=" + name, SegmentEndpoint.class);

            assertThat(endpoint.getConfiguration().getRegion()).isEqualTo(region);
        }
    }
}
