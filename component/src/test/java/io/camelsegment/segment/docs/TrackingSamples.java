package io.camelsegment.segment.docs;

import java.util.Map;

import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camelsegment.segment.SegmentHttpException;
import io.camelsegment.segment.SegmentValidationException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;

/** The Tracking API samples of README.md, docs/guide.md and the reference, each a route builder of its own. */
final class TrackingSamples {

    private TrackingSamples() {
    }

    /** README.md, quick start. */
    static final class QuickStart extends RouteBuilder {
        @Override
        public void configure() {
            // tag::quick-start[]
            from("direct:orders")
                .setHeader("CamelSegmentUserId", simple("${body[customerId]}"))
                .to("segment:track?event=Order Completed&bodyMode=payload&writeKey={{segment.writeKey}}");
            // end::quick-start[]
        }
    }

    /** The guide, "A first route". */
    static final class FirstRoute extends RouteBuilder {
        @Override
        public void configure() {
            // tag::first-route[]
            from("direct:signup")                                   // in a RouteBuilder's configure()
                .setHeader("CamelSegmentUserId", simple("${body[id]}"))
                .to("segment:identify?bodyMode=payload&writeKey=RAW({{segment.writeKey}})")
                .log("Sent to Segment as ${header.CamelSegmentMessageId}");
            // end::first-route[]
        }
    }

    /** The guide, "Message or payload": a domain object with Java time fields as the properties of a track call. */
    static final class DomainObject extends RouteBuilder {
        @Override
        public void configure() {
            // tag::domain-object[]
            JacksonDataFormat orderJson = new JacksonDataFormat(Order.class);
            orderJson.setModuleClassNames(JavaTimeModule.class.getName());     // reads Instant, LocalDate

            from("kafka:orders")
                .unmarshal(orderJson)
                .setHeader("CamelSegmentUserId", simple("${body.customerId}"))
                .to("segment:track?event=Order Completed&bodyMode=payload&writeKey=RAW({{segment.writeKey}})");
            // end::domain-object[]
        }
    }

    /** The guide, "batch and import". */
    static final class Batching extends RouteBuilder {
        @Override
        public void configure() {
            // tag::batching[]
            // 500 order events or 5 seconds, whichever comes first, as one batch call
            from("kafka:order-events")
                .unmarshal().json(Map.class)            // each already {"type":"track","userId":...,"event":...}
                .aggregate(constant(true), AggregationStrategies.groupedBody())
                    .completionSize(500).completionTimeout(5000).forceCompletionOnStop()
                .to("segment:batch?writeKey=RAW({{segment.writeKey}})");
            // end::batching[]
        }
    }

    /** The guide, "Delivery modes": background delivery with a failure endpoint. */
    static final class BackgroundDelivery extends RouteBuilder {
        @Override
        public void configure() {
            // tag::background[]
            // first: Camel stops routes in reverse order, so this one still runs while the others stop
            from("seda:segment-failed?size=10000")
                .shutdownRunningTask(ShutdownRunningTask.CompleteAllTasks)   // take every event queued at stop
                .log(LoggingLevel.WARN, "Not delivered: ${header.CamelSegmentMessageId}")
                .to("kafka:segment-retry-later");     // the body is the message's JSON, messageId included

            from("kafka:page-views")
                .unmarshal().json(Map.class)
                .to("segment:page?deliveryMode=background&failureUri=RAW(seda:segment-failed?size=10000)"
                    + "&queueFullPolicy=block&queueFullTimeout=5000&writeKey=RAW({{segment.writeKey}})");
            // end::background[]
        }
    }

    /** The guide, "Validation": error handling for the two exceptions. */
    static final class ErrorHandling extends RouteBuilder {
        @Override
        public void configure() {
            // tag::error-handling[]
            onException(SegmentValidationException.class)
                .handled(true)
                .log(LoggingLevel.WARN, "${exception.message}")
                .to("kafka:segment-rejects");

            onException(SegmentHttpException.class)
                .onWhen(e -> e.getException(SegmentHttpException.class).isRetryable())
                .maximumRedeliveries(5).redeliveryDelay(60_000)     // outlast an outage; same messageIds
                .handled(true)
                .to("kafka:segment-retry-later");
            // end::error-handling[]

            from("direct:events").to("segment:track?writeKey=RAW({{segment.writeKey}})");
        }
    }

    /** The reference's examples, Java DSL. */
    static final class Reference extends RouteBuilder {
        @Override
        public void configure() {
            // tag::reference[]
            from("direct:orders")
                .setHeader("CamelSegmentUserId", simple("${body[customerId]}"))
                .to("segment:track?event=Order Completed&bodyMode=payload&writeKey={{segment.writeKey}}");

            from("timer:usage?repeatCount=1")
                .to("segment:getDailyPerSourceApiCallsUsage?period=2024-05-01&followPages=true&token={{segment.token}}")
                .log("${body[dailyPerSourceAPICallsUsage]}");
            // end::reference[]
        }
    }
}
