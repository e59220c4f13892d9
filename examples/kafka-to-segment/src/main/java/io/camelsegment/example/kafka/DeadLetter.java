package io.camelsegment.example.kafka;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Turns a refused event into its dead-letter record: the value as it was read, the same key, and two headers saying
 * why it was refused and where it came from.
 */
public final class DeadLetter {

    /** Kafka header of a dead-letter record: why the event was refused. */
    public static final String REASON = "deadLetterReason";
    /** Kafka header of a dead-letter record: the record it was, as {@code topic-partition@offset}. */
    public static final String SOURCE = "deadLetterSource";

    private DeadLetter() {
    }

    public static void prepare(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        KafkaRecord record = KafkaRecord.of(exchange);
        Object key = exchange.getMessage().getHeader(KafkaConstants.KEY);
        Message message = exchange.getMessage();
        // the consumer's headers (kafka.*) and the component's must not steer the producer
        message.removeHeaders("*");
        if (key != null) {
            message.setHeader(KafkaConstants.KEY, key);
        }
        message.setHeader(REASON, cause == null ? "unknown" : cause.getMessage());
        message.setHeader(SOURCE, record.toString());
        message.setBody(exchange.getVariable(KafkaRecord.VALUE));
    }
}
