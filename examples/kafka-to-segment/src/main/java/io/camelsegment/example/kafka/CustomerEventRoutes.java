package io.camelsegment.example.kafka;

import io.camelsegment.segment.SegmentValidationException;
import org.apache.camel.builder.RouteBuilder;

/**
 * Forwards the customer-events topic to Segment. Each instance of the app joins the consumer group {@code kafka.groupId},
 * so N instances share the topic's partitions; offsets move only past events Segment accepted or that went to the
 * dead-letter topic.
 */
public class CustomerEventRoutes extends RouteBuilder {

    /** The id of the step that commits a poll's offsets. */
    public static final String COMMIT_STEP = "commit-offsets";

    @Override
    public void configure() {
        // tag::kafka-dead-letter[]
        // an event that can never be sent goes to the dead-letter topic with the reason; the partition moves on
        onException(InvalidCustomerEventException.class, SegmentValidationException.class)
                .handled(true)
                .process(DeadLetter::prepare)
                .to("kafka:{{kafka.deadLetterTopic}}");
        // end::kafka-dead-letter[]

        // tag::kafka-forward[]
        from("kafka:{{kafka.topic}}?groupId={{kafka.groupId}}&autoOffsetReset=earliest"
             + "&batching=true&maxPollRecords={{kafka.maxPollRecords}}&pollTimeoutMs={{kafka.pollTimeoutMs}}"
             + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true")
                .routeId("customer-events")
                // the whole poll at once: a batched exchange completes only when the Segment batch holding it is sent
                .split(body()).parallelProcessing()
                    .to("direct:forward-event")
                .end()
                // reached only when every record was accepted by Segment or dead-lettered; any failure skips it,
                // and breakOnFirstError makes the consumer read again from the last committed offsets
                .process(new OffsetCommit()).id(COMMIT_STEP);

        from("direct:forward-event").routeId("forward-event")
                // a failure here fails the whole poll, which logs it once
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .process(KafkaRecord::unwrap)
                .process(CustomerEvent::toSegmentMessage)
                .choice()
                    .when(header(CustomerEvent.TYPE).isEqualTo("identify"))
                        .to("segment:identify?deliveryMode=batched")
                    .otherwise()
                        .to("segment:track?deliveryMode=batched");
        // end::kafka-forward[]
    }
}
