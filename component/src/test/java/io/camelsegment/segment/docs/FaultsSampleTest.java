package io.camelsegment.segment.docs;

import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.TrackingRequest;
import io.camelsegment.segment.SegmentConstants;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's scripted faults: the component rides out both by retrying. */
class FaultsSampleTest extends SampleTestSupport {

    @Test
    void aRateLimitAndAResetConnectionAreRetried() {
        SegmentEmulator segment = segment();
        // tag::faults[]
        segment.faults().next(1).status(429).retryAfterSeconds(1);      // the next request is rate limited
        segment.faults().next(1).onTracking().connectionReset();        // the next tracking call gets no answer
        // end::faults[]

        Exchange exchange = template.request("segment:track?writeKey=RAW({{segment.writeKey}})",
                e -> e.getMessage().setBody(Map.of("userId", "u-1", "event", "Order Completed")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS, Integer.class)).isEqualTo(3);
        assertThat(segment.trackingRequests()).extracting(TrackingRequest::status).containsExactly(429, 0, 200);
        assertThat(segment.acceptedEvents()).hasSize(1);
    }
}
