package io.camelsegment.quarkus.deployment;

import java.time.Duration;
import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.quarkus.devui.DeliveryQueueFigures;
import io.camelsegment.segment.SegmentComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static io.camelsegment.quarkus.deployment.SegmentDevUiProcessor.BACKGROUND_EVENTS_FAILED;
import static io.camelsegment.quarkus.deployment.SegmentDevUiProcessor.EVENTS_FAILED;
import static io.camelsegment.quarkus.deployment.SegmentDevUiProcessor.EVENTS_QUEUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Dev UI card's queue figures are the delivery queues' own counters, read by the method names the card calls over
 * JSON-RPC.
 */
class DeliveryQueueFiguresTest {

    /** Two events make a batch; one waits in the queue until the second comes. */
    private static final String BACKGROUND = "segment:track?deliveryMode=background&flushCount=2&flushInterval=60000";

    @Test
    void queuedAndFailedEventsAreCountedOverTheQueues() throws Exception {
        try (SegmentEmulator segment = SegmentEmulator.start(); CamelContext camel = new DefaultCamelContext()) {
            SegmentComponent component = new SegmentComponent();
            component.getConfiguration().setTrackingUrl(segment.trackingUrl());
            component.getConfiguration().setWriteKey("devUiFiguresWriteKey");
            camel.addComponent("segment", component);
            camel.start();
            DeliveryQueueFigures figures = new DeliveryQueueFigures(camel);
            assertThat(figure(figures, EVENTS_QUEUED)).as("no queue yet").isEqualTo("0");

            ProducerTemplate template = camel.createProducerTemplate();
            template.sendBody(BACKGROUND, Map.of("userId", "u1", "event", "Waiting"));
            assertThat(figure(figures, EVENTS_QUEUED)).isEqualTo("1");
            assertThat(figure(figures, EVENTS_FAILED)).isEqualTo("0");

            segment.faults().always().onTracking().status(400);
            template.sendBody(BACKGROUND, Map.of("userId", "u1", "event", "Refused"));
            await().atMost(Duration.ofSeconds(10)).until(() -> figure(figures, EVENTS_FAILED).equals("2"));
            assertThat(figure(figures, BACKGROUND_EVENTS_FAILED)).isEqualTo("2");
            assertThat(figure(figures, EVENTS_QUEUED)).isEqualTo("0");
        }
    }

    @Test
    void withoutASegmentComponentEveryFigureIsZero() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            DeliveryQueueFigures figures = new DeliveryQueueFigures(camel);

            assertThat(figure(figures, EVENTS_QUEUED)).isEqualTo("0");
            assertThat(figure(figures, EVENTS_FAILED)).isEqualTo("0");
            assertThat(figure(figures, BACKGROUND_EVENTS_FAILED)).isEqualTo("0");
            assertThat(camel.hasComponent("segment")).as("reading the figures creates no component").isNull();
        }
    }

    /** Called by name, as the Dev UI does: a renamed method fails here rather than blanking the card. */
    private static String figure(DeliveryQueueFigures figures, String method) throws Exception {
        return (String) DeliveryQueueFigures.class.getMethod(method).invoke(figures);
    }
}
