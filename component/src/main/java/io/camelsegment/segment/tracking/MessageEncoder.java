package io.camelsegment.segment.tracking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serializes messages and packs them into request bodies within Segment's limits: 32 KB a message, and 500 KB and
 * 2,500 messages a batch request. A batch over the limits becomes several requests rather than one Segment rejects.
 */
public final class MessageEncoder {

    public static final int MAX_MESSAGE_BYTES = 32 * 1024;
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    public static final int MAX_BATCH_MESSAGES = 2500;

    private static final byte[] BATCH_START = "{\"batch\":[".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper;

    public MessageEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A message serialized, with its id. */
    record Encoded(String messageId, byte[] json) {
    }

    byte[] write(Map<String, Object> message) throws JsonProcessingException {
        return mapper.writeValueAsBytes(message);
    }

    static String sizeProblem(byte[] json) {
        return json.length > MAX_MESSAGE_BYTES
                ? "the message is " + json.length + " bytes, over Segment's limit of " + MAX_MESSAGE_BYTES + " bytes"
                : null;
    }

    /** Packs encoded messages into as few batch bodies as the limits allow, keeping their order. */
    List<TrackingRequest> pack(String path, List<Encoded> messages, Instant sentAt) {
        byte[] end = ("],\"sentAt\":\"" + DateTimeFormatter.ISO_INSTANT.format(sentAt) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        int envelopeBytes = BATCH_START.length + end.length;
        List<TrackingRequest> requests = new ArrayList<>();
        List<Encoded> chunk = new ArrayList<>();
        int chunkBytes = envelopeBytes;
        for (Encoded message : messages) {
            int added = message.json().length + (chunk.isEmpty() ? 0 : 1);
            if (!chunk.isEmpty() && (chunk.size() == MAX_BATCH_MESSAGES || chunkBytes + added > MAX_BATCH_BYTES)) {
                requests.add(batchRequest(path, chunk, end));
                chunk = new ArrayList<>();
                chunkBytes = envelopeBytes;
                added = message.json().length;
            }
            chunk.add(message);
            chunkBytes += added;
        }
        if (!chunk.isEmpty()) {
            requests.add(batchRequest(path, chunk, end));
        }
        return requests;
    }

    private static TrackingRequest batchRequest(String path, List<Encoded> chunk, byte[] end) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(BATCH_START);
        for (int i = 0; i < chunk.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(chunk.get(i).json());
        }
        body.writeBytes(end);
        return new TrackingRequest(path, body.toByteArray(), chunk.stream().map(Encoded::messageId).toList());
    }
}
