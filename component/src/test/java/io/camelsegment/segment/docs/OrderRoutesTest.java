package io.camelsegment.segment.docs;

import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

// The guide's "Testing routes against the emulator" sample, as it is shown there.
// tag::order-routes-test[]
class OrderRoutesTest extends CamelTestSupport {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order").to("segment:track?event=Order Completed&writeKey=test-key"
                                        + "&trackingUrl=" + SEGMENT.trackingUrl());
            }
        };
    }

    @Test
    void anOrderBecomesOneTrackEvent(SegmentEmulator segment) {
        template.sendBody("direct:order", Map.of("userId", "u-1", "properties", Map.of("total", 30)));

        assertThat(segment.acceptedEvents()).extracting(TrackedEvent::event).containsExactly("Order Completed");
        assertThat(segment.droppedEvents()).isEmpty();
    }
}
// end::order-routes-test[]
