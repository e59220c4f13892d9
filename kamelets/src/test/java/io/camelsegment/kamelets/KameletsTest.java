package io.camelsegment.kamelets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.camelsegment.emulator.Label;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.emulator.TrackingRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each Kamelet, loaded from its file in {@code src/main/resources/kamelets} by camel-kamelet, runs against the Segment
 * emulator, and the test checks what the emulator received. The write key, token and emulator URLs are given as
 * Kamelet properties ({@code camel.kamelet.NAME.PARAMETER}), as a user would in application.properties.
 */
class KameletsTest extends CamelTestSupport {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension();

    private static final List<String> TRACKING_KAMELETS = List.of("segment-track-sink", "segment-identify-sink",
            "segment-page-sink", "segment-group-sink", "segment-batch-sink");
    private static final List<String> PUBLIC_API_KAMELETS = List.of("segment-update-source-action",
            "segment-add-labels-action");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("kamelet", KameletComponent.class).setLocation("file:src/main/resources/kamelets");
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        for (String kamelet : TRACKING_KAMELETS) {
            properties.put("camel.kamelet." + kamelet + ".writeKey", DEMO_WRITE_KEY);
            properties.put("camel.kamelet." + kamelet + ".trackingUrl", SEGMENT.trackingUrl());
        }
        for (String kamelet : PUBLIC_API_KAMELETS) {
            properties.put("camel.kamelet." + kamelet + ".token", SEGMENT.token());
            properties.put("camel.kamelet." + kamelet + ".apiUrl", SEGMENT.apiUrl());
        }
        return properties;
    }

    @Test
    void trackSinkSendsEachBodyAsATrackCallNamedByTheEventProperty() throws Exception {
        route("direct:in", "kamelet:segment-track-sink?event=Order Completed");

        template.sendBody("direct:in", "{\"userId\":\"u-1\",\"properties\":{\"total\":42}}");

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("track");
        assertThat(event.event()).isEqualTo("Order Completed");
        assertThat(event.userId()).isEqualTo("u-1");
        assertThat(event.json().get("properties")).isEqualTo(Map.of("total", 42));
    }

    @Test
    void identifySinkInPayloadModeSendsTheBodyAsTraitsOfTheUserIdProperty() throws Exception {
        route("direct:in", "kamelet:segment-identify-sink?bodyMode=payload&userId=u-2");

        template.sendBody("direct:in", "{\"email\":\"zoe@example.com\"}");

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("identify");
        assertThat(event.userId()).isEqualTo("u-2");
        assertThat(event.json().get("traits")).isEqualTo(Map.of("email", "zoe@example.com"));
    }

    @Test
    void pageSinkTakesTheUserIdFromTheSegmentHeader() throws Exception {
        route("direct:in", "kamelet:segment-page-sink?name=Pricing");

        template.sendBodyAndHeader("direct:in", "{\"properties\":{\"path\":\"/pricing\"}}", "CamelSegmentUserId", "u-3");

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("page");
        assertThat(event.name()).isEqualTo("Pricing");
        assertThat(event.userId()).isEqualTo("u-3");
    }

    @Test
    void groupSinkSendsTheGroupIdProperty() throws Exception {
        route("direct:in", "kamelet:segment-group-sink?groupId=acme-inc&userId=u-4");

        template.sendBody("direct:in", "{\"traits\":{\"plan\":\"enterprise\"}}");

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("group");
        assertThat(event.groupId()).isEqualTo("acme-inc");
        assertThat(event.json().get("traits")).isEqualTo(Map.of("plan", "enterprise"));
    }

    @Test
    void batchSinkSendsOneRequestWhenTheBatchIsFull() throws Exception {
        route("direct:in", "kamelet:segment-batch-sink?batchSize=3&batchTimeout=60000");

        template.sendBody("direct:in", "{\"type\":\"identify\",\"userId\":\"u-5\"}");
        template.sendBody("direct:in", "{\"type\":\"track\",\"userId\":\"u-5\",\"event\":\"Signed Up\"}".getBytes());
        template.sendBody("direct:in", Map.of("type", "page", "userId", "u-5", "name", "Home"));

        await("the batch", () -> segment().acceptedEvents().size() == 3);
        assertThat(segment().trackingRequests()).extracting(TrackingRequest::path).containsExactly("/v1/batch");
        assertThat(segment().acceptedEvents()).extracting(TrackedEvent::type).containsExactly("identify", "track", "page");
    }

    @Test
    void batchSinkSendsAnUnfilledBatchAfterTheTimeout() throws Exception {
        route("direct:in", "kamelet:segment-batch-sink?batchSize=100&batchTimeout=100");

        template.sendBody("direct:in", "{\"type\":\"track\",\"userId\":\"u-6\",\"event\":\"Signed Up\"}");

        await("the timed-out batch", () -> segment().acceptedEvents().size() == 1);
        assertThat(segment().trackingRequests()).extracting(TrackingRequest::path).containsExactly("/v1/batch");
    }

    @Test
    void updateSourceActionDisablesTheSourceAndPassesOnTheUpdatedSource() throws Exception {
        route("direct:in", "kamelet:segment-update-source-action?sourceId=" + DEMO_SOURCE_ID + "&enabled=false");

        Exchange exchange = template.request("direct:in", e -> e.getMessage().setBody(""));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().source(DEMO_SOURCE_ID).orElseThrow().enabled()).isFalse();
        assertThat(exchange.getMessage().getBody(String.class)).contains("\"id\":\"" + DEMO_SOURCE_ID + "\"")
                .contains("\"enabled\":false");
    }

    @Test
    void addLabelsActionAddsTheLabelsOfItsPropertyAndPassesOnTheSourceLabels() throws Exception {
        route("direct:in", "kamelet:segment-add-labels-action?sourceId=" + DEMO_SOURCE_ID + "&labels=team:growth");

        Exchange exchange = template.request("direct:in", e -> e.getMessage().setBody(""));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().source(DEMO_SOURCE_ID).orElseThrow().labels()).extracting(Label::key, Label::value)
                .contains(tuple("team", "growth"));
        assertThat(exchange.getMessage().getBody(String.class)).contains("\"key\":\"team\"");
    }

    @Test
    void aYamlRouteWithTheTrackSinkTracksEachOrderAsItsCustomer() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/orders-to-segment.camel.yaml"));

        template.sendBodyAndHeader("direct:orders", "{\"orderId\":\"o-1\",\"total\":42}", "customerId", "cus-1");

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.event()).isEqualTo("Order Completed");
        assertThat(event.userId()).isEqualTo("cus-1");
        assertThat(event.json().get("properties")).isEqualTo(Map.of("orderId", "o-1", "total", 42));
    }

    private void route(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    private static SegmentEmulator segment() {
        return SEGMENT.emulator();
    }

    private static TrackedEvent onlyAcceptedEvent() {
        assertThat(segment().droppedEvents()).isEmpty();
        assertThat(segment().acceptedEvents()).hasSize(1);
        return segment().acceptedEvents().get(0);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
