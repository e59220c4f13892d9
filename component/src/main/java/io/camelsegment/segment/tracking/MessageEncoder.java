package io.camelsegment.segment.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.json.PlainJsonWriter;

/**
 * Serializes messages and packs them into request bodies within Segment's limits: 32 KB a message, and 500 KB and
 * 2,500 messages a batch request. A batch over the limits becomes several requests rather than one Segment rejects.
 */
public final class MessageEncoder {

    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    public static final int MAX_BATCH_MESSAGES = 2500;

    private static final byte[] BATCH_START = "{\"batch\":[".getBytes(StandardCharsets.UTF_8);
    /**
     * Always milliseconds, so the envelope has one length whatever the instant: ISO_INSTANT drops trailing zero digits,
     * and a queue that counts a batch's bytes as it fills could then be a few bytes off.
     */
    private static final DateTimeFormatter SENT_AT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    private static final int ENVELOPE_BYTES = BATCH_START.length + end(Instant.EPOCH).length;

    private final ObjectMapper mapper;
    /** Null when the application's ObjectMapper writes every value. */
    private final PlainJsonWriter plainWriter;

    /** Writes messages with the application's ObjectMapper: its serializers decide how every value is written. */
    public MessageEncoder(ObjectMapper mapper) {
        this(mapper, null);
    }

    private MessageEncoder(ObjectMapper mapper, PlainJsonWriter plainWriter) {
        this.mapper = mapper;
        this.plainWriter = plainWriter;
    }

    /**
     * Writes messages with the component's own mapper, which writes plain JSON values as Jackson does by default: those
     * go straight to the generator, the same bytes at a fraction of the cost, and only other values through the mapper.
     */
    public static MessageEncoder withDefaultMapper(ObjectMapper mapper) {
        return new MessageEncoder(mapper, new PlainJsonWriter(mapper));
    }

    /** A message serialized, with its id. */
    public record Encoded(String messageId, byte[] json) {
    }

    /** The exact size of a batch body holding {@code count} messages of {@code messageBytes} bytes together. */
    public static long batchBytes(int count, long messageBytes) {
        return ENVELOPE_BYTES + messageBytes + Math.max(0, count - 1);
    }

    byte[] write(Map<String, Object> message) throws IOException {
        return plainWriter != null ? plainWriter.write(message) : mapper.writeValueAsBytes(message);
    }

    static String sizeProblem(byte[] json) {
        return json.length > MAX_MESSAGE_BYTES
                ? "the message is " + json.length + " bytes, over Segment's limit of " + MAX_MESSAGE_BYTES + " bytes"
                : null;
    }

    /** Packs encoded messages into as few batch bodies as the limits allow, keeping their order. */
    List<TrackingRequest> pack(String path, List<Encoded> messages, Instant sentAt) {
        byte[] end = end(sentAt);
        List<TrackingRequest> requests = new ArrayList<>();
        List<Encoded> chunk = new ArrayList<>();
        long messageBytes = 0;
        for (Encoded message : messages) {
            if (!chunk.isEmpty() && (chunk.size() == MAX_BATCH_MESSAGES
                                     || batchBytes(chunk.size() + 1, messageBytes + message.json().length) > MAX_BATCH_BYTES)) {
                requests.add(batchRequest(path, chunk, end));
                chunk = new ArrayList<>();
                messageBytes = 0;
            }
            chunk.add(message);
            messageBytes += message.json().length;
        }
        if (!chunk.isEmpty()) {
            requests.add(batchRequest(path, chunk, end));
        }
        return requests;
    }

    /** One batch body of messages already known to fit Segment's limits, e.g. a delivery queue's batch. */
    public static TrackingRequest batch(String path, List<Encoded> messages, Instant sentAt) {
        return batchRequest(path, messages, end(sentAt));
    }

    private static byte[] end(Instant sentAt) {
        return ("],\"sentAt\":\"" + SENT_AT.format(sentAt) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Each message's bytes are copied once, into a body allocated at its exact size. */
    private static TrackingRequest batchRequest(String path, List<Encoded> chunk, byte[] end) {
        int size = BATCH_START.length + end.length + Math.max(0, chunk.size() - 1);
        for (Encoded message : chunk) {
            size += message.json().length;
        }
        byte[] body = new byte[size];
        System.arraycopy(BATCH_START, 0, body, 0, BATCH_START.length);
        int at = BATCH_START.length;
        String[] messageIds = new String[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] json = chunk.get(i).json();
            System.arraycopy(json, 0, body, at, json.length);
            at += json.length;
            messageIds[i] = chunk.get(i).messageId();
        }
        System.arraycopy(end, 0, body, at, end.length);
        return new TrackingRequest(path, body, List.of(messageIds));
    }
}
