package io.camelsegment.example;

import io.camelsegment.segment.SegmentConstants;
import io.camelsegment.segment.SegmentValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The Java DSL half of the demo: identify each customer, then track the orders in batches of five, then run the YAML
 * source-admin route, then stop the app.
 */
public class DemoRoutes extends RouteBuilder {

    private final Main main;
    private final DemoSummary summary;

    public DemoRoutes(Main main, DemoSummary summary) {
        this.main = main;
        this.summary = summary;
    }

    @Override
    public void configure() {
        // a record Segment would silently drop is refused before sending; the demo counts it and goes on
        onException(SegmentValidationException.class).handled(true)
                .bean(summary, "refused")
                .log(LoggingLevel.WARN, "io.camelsegment.example", "${variable." + DemoSummary.REFUSAL + "}");

        from("timer:demo?repeatCount=1&delay=-1").routeId("demo")
                .doTry()
                    .to("direct:import-events")
                    .setBody(constant(""))
                    .to("direct:source-admin")
                    .bean(summary, "adminDone")
                .doCatch(Exception.class)
                    .process(exchange -> summary.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .doFinally()
                    .process(exchange -> main.completed())
                .end();

        from("direct:import-events").routeId("import-events")
                .setBody(method(CustomerEvents.class, "sample"))
                .setVariable("orders", simple("${body.orders}"))
                .split(simple("${body.customers}"))
                    .to("direct:identify-customer")
                .end()
                .setBody(variable("orders"))
                .split(simple("${collate(5)}"))
                    .to("direct:track-orders")
                .end();

        from("direct:identify-customer").routeId("identify-customer")
                .setHeader(SegmentConstants.USER_ID, simple("${body[customerId]}"))
                .setBody(simple("${body[traits]}"))
                .to("segment:identify?bodyMode=payload")
                .bean(summary, "identified");

        from("direct:track-orders").routeId("track-orders")
                .transform(method(CustomerEvents.class, "ordersCompleted"))
                .to("segment:batch")
                .bean(summary, "batchDelivered");
    }
}
