package io.camelsegment.segment.docs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.emulator.TrackingRequest;
import io.camelsegment.segment.SegmentConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Tracking API samples of {@link TrackingSamples}, run against the emulator. */
class TrackingSamplesTest extends SampleTestSupport {

    @Test
    void quickStartTracksAnOrder() throws Exception {
        context.addRoutes(new TrackingSamples.QuickStart());

        template.sendBody("direct:orders", Map.of("customerId", "cus-1", "orderId", "o-1", "total", 30));

        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("track");
        assertThat(event.userId()).isEqualTo("cus-1");
        assertThat(event.event()).isEqualTo("Order Completed");
        assertThat(event.json().get("properties")).isEqualTo(Map.of("customerId", "cus-1", "orderId", "o-1", "total", 30));
    }

    @Test
    void firstRouteIdentifiesACustomerWithTheRecordAsTraits() throws Exception {
        context.addRoutes(new TrackingSamples.FirstRoute());

        Exchange exchange = template.request("direct:signup",
                e -> e.getMessage().setBody(Map.of("id", "u-42", "email", "ann@example.com")));

        assertThat(exchange.getException()).isNull();
        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.type()).isEqualTo("identify");
        assertThat(event.userId()).isEqualTo("u-42");
        assertThat(event.json().get("traits")).isEqualTo(Map.of("id", "u-42", "email", "ann@example.com"));
        assertThat(event.messageId()).isEqualTo(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID));
    }

    @Test
    void aDomainObjectWithJavaTimeFieldsBecomesTheProperties() throws Exception {
        context.addRoutes(new TrackingSamples.DomainObject());

        template.sendBody("kafka:orders", """
                {"orderId":"o-7","customerId":"cus-7","total":42.50,
                 "placedAt":"2026-05-01T09:30:00Z","deliveryDate":"2026-05-04"}""");

        await("the order to reach Segment", () -> !segment().events().isEmpty());
        TrackedEvent event = onlyAcceptedEvent();
        assertThat(event.userId()).isEqualTo("cus-7");
        assertThat(event.event()).isEqualTo("Order Completed");
        assertThat(event.json().get("properties")).isEqualTo(Map.of("orderId", "o-7", "customerId", "cus-7",
                "total", 42.5, "placedAt", "2026-05-01T09:30:00Z", "deliveryDate", "2026-05-04"));
    }

    @Test
    void fiveHundredEventsGoOutAsOneBatchCall() throws Exception {
        context.addRoutes(new TrackingSamples.Batching());

        IntStream.range(0, 500).forEach(i -> template.sendBody("kafka:order-events",
                "{\"type\":\"track\",\"userId\":\"u-" + i + "\",\"event\":\"Order Completed\"}"));

        await("the batch to reach Segment", () -> !segment().trackingRequests().isEmpty());
        assertThat(segment().trackingRequests()).extracting(TrackingRequest::path).containsExactly("/v1/batch");
        assertThat(segment().acceptedEvents()).hasSize(500);
    }

    @Test
    void aMessageSegmentWouldDropGoesToTheRejectsWithNothingSent() throws Exception {
        context.addRoutes(new TrackingSamples.ErrorHandling());

        Exchange exchange = template.send("direct:events", e -> e.getMessage().setBody(Map.of("event", "Order Completed")));

        assertThat(exchange.getException()).isNull();
        List<Exchange> rejects = context.getEndpoint("kafka:segment-rejects", SedaEndpoint.class).getExchanges();
        assertThat(rejects).hasSize(1);
        assertThat(segment().trackingRequests()).isEmpty();
    }

    @Test
    void backgroundPageViewsArriveAndWhatSegmentRefusesGoesToTheRetryTopic() throws Exception {
        context.addRoutes(new TrackingSamples.BackgroundDelivery());

        template.sendBody("kafka:page-views", "{\"userId\":\"u-1\",\"name\":\"Home\"}");
        await("the page view to reach Segment", () -> !segment().acceptedEvents().isEmpty());
        segment().faults().always().onPath("/v1/batch").status(400);
        template.sendBody("kafka:page-views", "{\"userId\":\"u-2\",\"name\":\"Pricing\"}");

        SedaEndpoint retryLater = context.getEndpoint("kafka:segment-retry-later", SedaEndpoint.class);
        await("the refused page view to reach the retry topic", () -> !retryLater.getExchanges().isEmpty());
        assertThat(onlyAcceptedEvent().userId()).isEqualTo("u-1");
        Exchange refused = retryLater.getExchanges().get(0);
        Map<?, ?> message = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(refused.getMessage().getBody(String.class), Map.class);
        assertThat(message.get("userId")).isEqualTo("u-2");
        assertThat(message.get("messageId")).isEqualTo(refused.getMessage().getHeader(SegmentConstants.MESSAGE_ID));
        assertThat(refused.getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(io.camelsegment.segment.SegmentHttpException.class);
    }

    @Test
    void theReferenceExamplesTrackAnOrderAndReadTheUsage() throws Exception {
        NotifyBuilder usageRead = new NotifyBuilder(context).from("timer:usage*").whenDone(1).create();
        context.addRoutes(new TrackingSamples.Reference());

        template.sendBody("direct:orders", Map.of("customerId", "cus-2", "orderId", "o-2"));

        assertThat(onlyAcceptedEvent().userId()).isEqualTo("cus-2");
        assertThat(usageRead.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(segment().publicApiRequests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.rawPath()).isEqualTo("/usage/api-calls/sources/daily"));
    }
}
