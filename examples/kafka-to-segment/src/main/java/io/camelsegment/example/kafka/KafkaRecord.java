package io.camelsegment.example.kafka;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Where a record came from: its topic, partition and offset.
 *
 * @param topic     the topic it was read from
 * @param partition its partition
 * @param offset    its offset in the partition
 */
public record KafkaRecord(String topic, int partition, long offset) {

    /** The exchange variable holding the record's value as it was read, for the dead-letter topic. */
    public static final String VALUE = "kafkaRecordValue";

    /** The record coordinates of an exchange made by the Kafka consumer (or {@link #unwrap}). */
    public static KafkaRecord of(Exchange exchange) {
        Message message = exchange.getMessage();
        return new KafkaRecord(message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class));
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }

    /**
     * In a split of a batching consumer's poll, each part's body is the record's own exchange: take its value and
     * coordinates into the part, and keep the value as it was read in {@link #VALUE}.
     */
    public static void unwrap(Exchange part) {
        Message record = part.getMessage().getBody(Exchange.class).getMessage();
        Message message = part.getMessage();
        for (String header : List.of(KafkaConstants.TOPIC, KafkaConstants.PARTITION, KafkaConstants.OFFSET, KafkaConstants.KEY)) {
            message.setHeader(header, record.getHeader(header));
        }
        String value = record.getBody(String.class);
        message.setBody(value);
        part.setVariable(VALUE, value);
    }
}
