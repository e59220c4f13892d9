package io.camelsegment.example.boot;

import java.util.Map;

import io.camelsegment.segment.SegmentConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes behind the REST controller. The segment endpoints name only what differs per call: the write key,
 * token, region and URLs come from {@code camel.component.segment.*}.
 */
// tag::boot-routes[]
@Component
public class SignupRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // body: a Signup; the customer's traits go to identify, the plan to track
        from("direct:signup").routeId("signup")
                .setHeader(SegmentConstants.USER_ID, simple("${body.userId}"))
                .setVariable("signup", body())
                .setBody(simple("${body.traits}"))
                .to("segment:identify?bodyMode=payload")
                .setVariable("identifyMessageId", header(SegmentConstants.MESSAGE_ID))
                .setBody(exchange -> Map.of("plan", exchange.getVariable("signup", Signup.class).plan()))
                .to("segment:track?bodyMode=payload&event=Signed Up")
                .setBody(exchange -> Map.of(
                        "userId", exchange.getMessage().getHeader(SegmentConstants.USER_ID),
                        "identifyMessageId", exchange.getVariable("identifyMessageId"),
                        "trackMessageId", exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID)));

        from("direct:schema-settings").routeId("schema-settings")
                .setBody(constant(""))
                .to("segment:listSchemaSettingsInSource?sourceId={{segment.source-id}}");
    }
}
// end::boot-routes[]
