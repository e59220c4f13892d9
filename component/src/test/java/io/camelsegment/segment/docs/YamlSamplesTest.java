package io.camelsegment.segment.docs;

import java.util.Map;

import io.camelsegment.emulator.TrackedEvent;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The YAML DSL samples in {@code src/test/resources/docs}, loaded by camel-yaml-dsl and run against the emulator. */
class YamlSamplesTest extends SampleTestSupport {

    @Test
    void quickStartReadsTheSchemaSettings() throws Exception {
        load("quick-start.yaml");

        Exchange exchange = template.request("direct:source-settings", e -> e.getMessage().setBody(""));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().publicApiRequests()).extracting(r -> r.method() + " " + r.rawPath())
                .containsExactly("GET /sources/" + DEMO_SOURCE_ID + "/settings");
        assertThat(exchange.getMessage().getBody(Map.class)).containsKey("settings");
    }

    @Test
    void firstRouteTracksAnOrder() throws Exception {
        load("first-route.yaml");

        template.sendBody("direct:orders", Map.of("customerId", "cus-1", "orderId", "o-1"));

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("track");
        assertThat(event.userId()).isEqualTo("cus-1");
        assertThat(event.event()).isEqualTo("Order Completed");
    }

    @Test
    void updateSourceDisablesTheSource() throws Exception {
        load("update-source.yaml");
        assertThat(segment().source(DEMO_SOURCE_ID).orElseThrow().enabled()).isTrue();

        Exchange exchange = template.request("direct:disable-source", e -> e.getMessage().setBody(""));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().source(DEMO_SOURCE_ID).orElseThrow().enabled()).isFalse();
    }

    @Test
    void theReferenceIdentifiesASignup() throws Exception {
        load("reference.yaml");

        template.sendBody("direct:signups", Map.of("id", "u-9", "email", "zoe@example.com"));

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("identify");
        assertThat(event.userId()).isEqualTo("u-9");
        assertThat(event.json().get("traits")).isEqualTo(Map.of("id", "u-9", "email", "zoe@example.com"));
    }

    private void load(String file) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:docs/" + file));
    }
}
