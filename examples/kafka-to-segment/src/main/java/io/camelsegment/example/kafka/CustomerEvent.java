package io.camelsegment.example.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/**
 * One record of the customer-events topic, checked and turned into the Segment message the route sends.
 *
 * <p>
 * A record is a JSON object: {@code {"type":"track","userId":"cus-1","event":"Order Completed","properties":{...}}} or
 * {@code {"type":"identify","userId":"cus-1","traits":{...}}}, with optional {@code anonymousId}, {@code timestamp} and
 * {@code messageId}.
 *
 * @param type      track or identify: the Segment operation
 * @param message   the Segment message, its messageId set
 */
public record CustomerEvent(String type, Map<String, Object> message) {

    /** The header naming the Segment operation of the event in the route: {@code track} or {@code identify}. */
    public static final String TYPE = "customerEventType";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Segment keeps messageIds shorter than 100 characters. */
    private static final int MAX_MESSAGE_ID = 99;

    /**
     * Reads the record value and gives the event a messageId of its own, or one that names the record (topic, partition,
     * offset): a record read again after a crash is sent with the same messageId, so Segment keeps it once.
     */
    public static CustomerEvent parse(String value, KafkaRecord record) throws InvalidCustomerEventException {
        Map<String, Object> fields = fields(value);
        String type = text(fields, "type");
        if (!"track".equals(type) && !"identify".equals(type)) {
            throw new InvalidCustomerEventException("type must be track or identify, was " + (type == null ? "missing" : "'" + type + "'"));
        }
        if (text(fields, "userId") == null && text(fields, "anonymousId") == null) {
            throw new InvalidCustomerEventException("an event needs a userId or an anonymousId");
        }
        if ("track".equals(type) && text(fields, "event") == null) {
            throw new InvalidCustomerEventException("a track event needs an event name");
        }
        Map<String, Object> message = new LinkedHashMap<>(fields);
        message.remove("type");
        message.put("messageId", messageId(fields, record));
        return new CustomerEvent(type, message);
    }

    /** Replaces the record in the exchange by its Segment message, and names the operation in {@link #TYPE}. */
    public static void toSegmentMessage(Exchange exchange) throws InvalidCustomerEventException {
        CustomerEvent event = parse(exchange.getMessage().getBody(String.class), KafkaRecord.of(exchange));
        exchange.getMessage().setHeader(TYPE, event.type());
        exchange.getMessage().setBody(event.message());
    }

    private static Map<String, Object> fields(String value) throws InvalidCustomerEventException {
        if (value == null || value.isBlank()) {
            throw new InvalidCustomerEventException("the record has no value");
        }
        Map<String, Object> fields;
        try {
            fields = JSON.readValue(value, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new InvalidCustomerEventException("the record is not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (fields == null) {
            throw new InvalidCustomerEventException("the record is not a JSON object: null");
        }
        return fields;
    }

    private static String messageId(Map<String, Object> fields, KafkaRecord record) throws InvalidCustomerEventException {
        Object own = fields.get("messageId");
        if (own != null) {
            if (!(own instanceof String id) || id.isBlank() || id.length() > MAX_MESSAGE_ID) {
                throw new InvalidCustomerEventException("messageId must be a string of 1 to " + MAX_MESSAGE_ID + " characters");
            }
            return id;
        }
        String named = "kafka-" + record.topic() + "-" + record.partition() + "-" + record.offset();
        return named.length() <= MAX_MESSAGE_ID ? named
                : UUID.nameUUIDFromBytes(named.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String text(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof String value && !value.isBlank() ? value : null;
    }
}
