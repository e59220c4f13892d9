package io.camelsegment.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes the REST endpoints call. No endpoint names a write key, a token or a URL: the component takes them from
 * {@code application.properties} or, when there are none, from Dev Services.
 */
@ApplicationScoped
public class SegmentRoutes extends RouteBuilder {

    private final FailedEvents failedEvents;

    @Inject
    public SegmentRoutes(FailedEvents failedEvents) {
        this.failedEvents = failedEvents;
    }

    @Override
    public void configure() {
        // the operation comes in the CamelSegmentOperation header, so one endpoint serves every tracking call
        from("direct:tracking").routeId("tracking")
                .to("segment:track");

        // tag::batched-route[]
        from("direct:batched").routeId("batched")
                .to("segment:track?deliveryMode=batched&flushCount=3&flushInterval=30000");
        // end::batched-route[]

        // tag::background-route[]
        from("direct:background").routeId("background")
                .to("segment:track?deliveryMode=background&flushInterval=200&failureUri=direct:segment-failed");

        // each event Segment finally did not accept, with its messageId in CamelSegmentMessageId
        from("direct:segment-failed").routeId("segment-failed")
                .process(failedEvents::record);
        // end::background-route[]

        // the same, sent where the Tracking API answers 404: every batch is refused and its events fail
        from("direct:background-refused").routeId("background-refused")
                .to("segment:track?deliveryMode=background&flushInterval=200&failureUri=direct:segment-failed"
                    + "&trackingUrl={{segment.refusing.tracking-url}}");

        from("direct:labels").routeId("labels")
                .to("segment:addLabelsToSource");

        from("direct:settings").routeId("settings")
                .to("segment:listSchemaSettingsInSource");

        from("direct:usage").routeId("usage")
                .to("segment:getDailyPerSourceApiCallsUsage");
    }
}
