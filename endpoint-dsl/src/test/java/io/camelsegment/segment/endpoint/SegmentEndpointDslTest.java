package io.camelsegment.segment.endpoint;

import java.util.Map;
import java.util.Properties;

import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.segment.SegmentComponent;
import io.camelsegment.segment.SegmentConfiguration;
import io.camelsegment.segment.SegmentEndpoint;
import io.camelsegment.segment.SegmentRegion;
import io.camelsegment.segment.tracking.BodyMode;
import io.camelsegment.segment.tracking.DeliveryMode;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static io.camelsegment.segment.endpoint.StaticEndpointBuilders.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Endpoint DSL builder Camel's generator writes from the component's catalog: what it sends, the URI it builds, and
 * where the write key shows.
 */
class SegmentEndpointDslTest extends CamelTestSupport {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("segment", SegmentComponent.class).getConfiguration().setTrackingUrl(SEGMENT.trackingUrl());
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("segment.writeKey", DEMO_WRITE_KEY);
        return properties;
    }

    @Test
    void aRouteBuiltWithTheBuilderTracksTheEventOnSegment() throws Exception {
        context.addRoutes(new SignupRoutes());

        template.sendBodyAndHeader("direct:signups", "{\"plan\":\"pro\"}", "customerId", "user-42");

        assertThat(SEGMENT.emulator().droppedEvents()).isEmpty();
        assertThat(SEGMENT.emulator().acceptedEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("track");
            assertThat(event.event()).isEqualTo("Signed Up");
            assertThat(event.userId()).isEqualTo("user-42");
            assertThat(event.json().get("properties")).isEqualTo(Map.of("plan", "pro"));
            assertThat(event.writeKeyLast4()).isEqualTo(DEMO_WRITE_KEY.substring(DEMO_WRITE_KEY.length() - 4));
        });
    }

    @Test
    void typedOptionsAndEnumsBecomeTheUriCamelReadsBack() {
        EndpointProducerBuilder builder = segment("track").event("Signed Up").region(SegmentRegion.EU)
                .bodyMode(BodyMode.PAYLOAD).deliveryMode(DeliveryMode.BATCHED).flushCount(50)
                .advanced().maxRetries(2).connectTimeout(1500L);

        assertThat(builder.getRawUri()).isEqualTo("segment://track?bodyMode=payload&connectTimeout=1500"
                + "&deliveryMode=batched&event=Signed Up&flushCount=50&maxRetries=2&region=eu");
        SegmentConfiguration configuration = resolve(builder).getConfiguration();
        assertThat(configuration.getRegion()).isEqualTo(SegmentRegion.EU);
        assertThat(configuration.getBodyMode()).isEqualTo(BodyMode.PAYLOAD);
        assertThat(configuration.getDeliveryMode()).isEqualTo(DeliveryMode.BATCHED);
        assertThat(configuration.getFlushCount()).isEqualTo(50);
        assertThat(configuration.getMaxRetries()).isEqualTo(2);
        assertThat(configuration.getConnectTimeout()).isEqualTo(1500L);
        assertThat(configuration.getEvent()).isEqualTo("Signed Up");
    }

    @Test
    void aWriteKeyGivenAsAPlaceholderIsNeitherInTheBuildersNorInTheEndpointsString() {
        EndpointProducerBuilder builder = segment("track").writeKey("{{segment.writeKey}}").event("Signed Up");

        SegmentEndpoint endpoint = resolve(builder);

        assertThat(endpoint.getConfiguration().getWriteKey()).isEqualTo(DEMO_WRITE_KEY);
        assertThat(builder.toString()).doesNotContain(DEMO_WRITE_KEY).contains("writeKey={{segment.writeKey}}");
        assertThat(endpoint.toString()).doesNotContain(DEMO_WRITE_KEY).contains("writeKey=xxxxxx");
    }

    @Test
    void aValueIsUriTextSoAPlusNeedsRaw() {
        String key = "wk+Secret/Key=";

        assertThat(resolve(segment("track").writeKey(key)).getConfiguration().getWriteKey()).isEqualTo("wk Secret/Key=");
        assertThat(resolve(segment("track").writeKey("RAW(" + key + ")")).getConfiguration().getWriteKey()).isEqualTo(key);
    }

    private SegmentEndpoint resolve(EndpointProducerBuilder builder) {
        return (SegmentEndpoint) builder.resolve(context);
    }
}
