package io.camelsegment.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/**
 * The routes the REST endpoints call. No endpoint names a write key, a token or a URL: the component takes them from
 * {@code application.properties} or, when there are none, from Dev Services.
 */
@ApplicationScoped
public class SegmentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // the operation comes in the CamelSegmentOperation header, so one endpoint serves every tracking call
        from("direct:tracking").routeId("tracking")
                .to("segment:track");

        // tag::batched-route[]
        from("direct:batched").routeId("batched")
                .to("segment:track?deliveryMode=batched&flushCount=3&flushInterval=30000");
        // end::batched-route[]

        from("direct:labels").routeId("labels")
                .to("segment:addLabelsToSource");

        from("direct:settings").routeId("settings")
                .to("segment:listSchemaSettingsInSource");

        from("direct:usage").routeId("usage")
                .to("segment:getDailyPerSourceApiCallsUsage");
    }
}
