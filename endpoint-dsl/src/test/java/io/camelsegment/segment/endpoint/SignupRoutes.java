package io.camelsegment.segment.endpoint;

import io.camelsegment.segment.endpoint.dsl.SegmentEndpointBuilderFactory;
import io.camelsegment.segment.tracking.BodyMode;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

// tag::endpoint-dsl[]
public class SignupRoutes extends EndpointRouteBuilder implements SegmentEndpointBuilderFactory.SegmentBuilders {

    @Override
    public void configure() {
        from(direct("signups"))
                .setHeader(segment().segmentUserId(), simple("${header.customerId}"))
                .to(segment("track")
                        .writeKey("{{segment.writeKey}}")
                        .event("Signed Up")
                        .bodyMode(BodyMode.PAYLOAD));
    }
}
// end::endpoint-dsl[]
