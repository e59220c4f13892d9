package io.camelsegment.segment.docs;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelsegment.emulator.PublicApiRequest;
import io.camelsegment.emulator.Source;
import io.camelsegment.emulator.TrackingRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SECOND_WRITE_KEY;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The Public API and HTTP samples of {@link PublicApiSamples}, run against the emulator. */
class PublicApiSamplesTest extends SampleTestSupport {

    @Test
    void labelsAndDeliveryMetrics() throws Exception {
        context.addRoutes(new PublicApiSamples.LabelsAndMetrics());

        Exchange exchange = template.request("direct:source-admin", e -> e.getMessage().setBody(""));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().source(DEMO_SOURCE_ID).orElseThrow().labels())
                .anySatisfy(label -> assertThat(label.key() + ":" + label.value()).isEqualTo("team:growth"));
        assertThat(segment().publicApiRequests()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                "POST /sources/" + DEMO_SOURCE_ID + "/labels",
                "GET /destinations/" + DEMO_DESTINATION_ID + "/delivery-metrics");
        assertThat(exchange.getMessage().getBody(Map.class)).containsKey("deliveryMetricsSummary");
    }

    @Test
    void aRetiredWriteKeyIsRemoved() throws Exception {
        context.addRoutes(new PublicApiSamples.RemoveWriteKey());

        Exchange exchange = template.request("direct:retire-key",
                e -> e.getMessage().setBody(Map.of("retiredKey", DEMO_SECOND_WRITE_KEY)));

        assertThat(exchange.getException()).isNull();
        Source source = segment().source(DEMO_SOURCE_ID).orElseThrow();
        assertThat(source.writeKeys()).contains(DEMO_WRITE_KEY).doesNotContain(DEMO_SECOND_WRITE_KEY);
    }

    @Test
    void theNextCursorReadsTheNextPage() throws Exception {
        context.addRoutes(new PublicApiSamples.NextPage());

        Exchange exchange = template.request("direct:two-pages", e -> e.getMessage().setBody(""));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().publicApiRequests()).hasSize(2);
        PublicApiRequest second = segment().publicApiRequests().get(1);
        assertThat(second.query()).contains("pagination.cursor=");
        assertThat(exchange.getMessage().getBody()).isNotEqualTo(exchange.getVariable("firstPage"));
    }

    @Test
    void followPagesReadsEveryPage() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).from("timer:usage*").whenDone(1).create();
        context.addRoutes(new PublicApiSamples.FollowPages());

        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(segment().publicApiRequests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.query()).contains("pagination.count=1000"));
    }

    @Test
    void theHttpBeansAreBoundAndTheConfigurerRuns() throws Exception {
        PublicApiSamples.bindHttpBeans(context);

        assertThat(context.getRegistry().lookupByNameAndType("segmentTls", SSLContextParameters.class).getTrustManagers()
                .getKeyStore().getResource()).isEqualTo("file:/etc/pki/corporate-truststore.p12");
        // the trust store itself is not on this machine: the configurer runs on its own
        Exchange exchange = template.request("segment:track?writeKey=RAW({{segment.writeKey}})&httpClientConfigurer=#myConfigurer",
                e -> e.getMessage().setBody(Map.of("userId", "u-1", "event", "Order Completed")));

        assertThat(exchange.getException()).isNull();
        assertThat(segment().trackingRequests()).extracting(TrackingRequest::path).containsExactly("/v1/track");
        assertThat(segment().trackingRequests().get(0).header("X-Request-Source")).isEqualTo("orders-service");
    }
}
