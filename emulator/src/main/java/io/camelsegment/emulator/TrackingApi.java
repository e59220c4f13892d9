package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Tracking API under {@code /v1}: identify, track, page, screen, group, alias, batch and import.
 * It answers the way Segment does, 400 only for oversize or malformed bodies and 200 for everything
 * else, dropping invalid events, and records each event with the reason it was dropped.
 */
final class TrackingApi {

    static final String PATH_PREFIX = "/v1/";
    /** Segment's limit on a single call, and on each item of a batch. */
    static final int MAX_MESSAGE_BYTES = 32 * 1024;
    /** Segment's limit on a batch or import body. */
    static final int MAX_BATCH_BYTES = 500 * 1024;
    /** Segment accepts a larger batch with 200 but drops all of it. */
    static final int MAX_BATCH_ITEMS = 2500;

    private static final Set<String> BATCH_CALLS = Set.of("batch", "import");
    private static final Set<String> RECORDED_HEADERS = Set.of("User-Agent", "X-Retry-Count", "Content-Type",
            "Content-Encoding");

    private final Recording recording;

    TrackingApi(Recording recording) {
        this.recording = recording;
    }

    Response handle(Request request) {
        String call = callName(request.rawPath());
        boolean batch = BATCH_CALLS.contains(call);
        if (!batch && !EventValidation.TYPES.contains(call)) {
            return failure(404, "No Tracking API endpoint " + request.rawPath());
        }
        if (!"POST".equals(request.method())) {
            return failure(405, "Tracking API calls are POST requests").withHeader("Allow", "POST");
        }
        if (request.tooLarge()) {
            return failure(400, "Body exceeds the emulator's cap of " + (Request.MAX_BODY_BYTES / 1024)
                    + " KB (Segment's limit is " + (MAX_BATCH_BYTES / 1024) + " KB)");
        }
        if (request.undecodableBody()) {
            return failure(400, "Body is marked gzip but cannot be decompressed");
        }
        int limit = batch ? MAX_BATCH_BYTES : MAX_MESSAGE_BYTES;
        if (request.body().length > limit) {
            return failure(400, "Body of " + request.body().length + " bytes exceeds the " + (limit / 1024) + " KB limit");
        }
        Optional<JsonNode> json = request.json();
        if (json.isEmpty() || !json.get().isObject()) {
            return failure(400, "Body is not a JSON object");
        }
        Optional<WriteKey> writeKey = WriteKey.of(request);
        if (writeKey.isEmpty()) {
            // Segment's edge accepts any key, even a wrong one, but answers 400 to a missing or empty one.
            return failure(400, "No write key: send HTTP Basic auth with the write key as user name, or a writeKey field");
        }
        ObjectNode body = (ObjectNode) json.get();
        return batch ? recordBatch(request, body, writeKey.get()) : recordSingle(request, call, body, writeKey.get());
    }

    private Response recordSingle(Request request, String type, ObjectNode body, WriteKey writeKey) {
        ObjectNode message = body.deepCopy();
        message.remove("writeKey");
        recording.record(event(request, type, message, writeKey));
        return success();
    }

    private Response recordBatch(Request request, ObjectNode envelope, WriteKey writeKey) {
        JsonNode items = envelope.get("batch");
        if (items == null || !items.isArray()) {
            return failure(400, "A batch needs a \"batch\" array");
        }
        for (JsonNode item : items) {
            int size = JsonCodec.write(item).length;
            if (size > MAX_MESSAGE_BYTES) {
                return failure(400, "A batch item of " + size + " bytes exceeds the 32 KB limit");
            }
        }
        boolean tooMany = items.size() > MAX_BATCH_ITEMS;
        for (JsonNode item : items) {
            ObjectNode message = item.isObject() ? mergeEnvelope(envelope, (ObjectNode) item) : JsonNodeFactory.instance.objectNode();
            String type = message.path("type").isTextual() ? message.get("type").asText() : null;
            TrackedEvent event = event(request, type, message, writeKey);
            recording.record(tooMany ? event.droppedAs(DropReason.TOO_MANY_ITEMS) : event);
        }
        return success();
    }

    /** Segment applies the batch's context and integrations to every item; an item's own values win. */
    private static ObjectNode mergeEnvelope(ObjectNode envelope, ObjectNode item) {
        ObjectNode merged = item.deepCopy();
        merged.remove("writeKey");
        for (String field : List.of("context", "integrations")) {
            JsonNode shared = envelope.get(field);
            if (shared == null || !shared.isObject()) {
                continue;
            }
            JsonNode own = merged.get(field);
            if (own == null || !own.isObject()) {
                merged.set(field, shared.deepCopy());
            } else {
                merged.set(field, deepMerge((ObjectNode) shared.deepCopy(), (ObjectNode) own));
            }
        }
        return merged;
    }

    private static ObjectNode deepMerge(ObjectNode base, ObjectNode winner) {
        Iterator<Map.Entry<String, JsonNode>> fields = winner.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                deepMerge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                base.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return base;
    }

    private static TrackedEvent event(Request request, String type, ObjectNode message, WriteKey writeKey) {
        Optional<DropReason> reason = EventValidation.dropReason(type, message);
        return new TrackedEvent(0, type,
                EventValidation.text(message, "userId"),
                EventValidation.text(message, "anonymousId"),
                EventValidation.text(message, "messageId"),
                EventValidation.text(message, "event"),
                EventValidation.text(message, "name"),
                EventValidation.text(message, "groupId"),
                EventValidation.text(message, "previousId"),
                reason.isEmpty(), reason.orElse(null),
                request.rawPath(), writeKey.last4(), request.receivedAt(),
                recordedHeaders(request), Collections.unmodifiableMap(JsonCodec.toMap(message)));
    }

    private static Map<String, String> recordedHeaders(Request request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : RECORDED_HEADERS) {
            String value = request.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return Collections.unmodifiableMap(headers);
    }

    /** {@code /v1/import/} (analytics-java's default, with a trailing slash) names the call {@code import}. */
    private static String callName(String rawPath) {
        String call = rawPath.substring(PATH_PREFIX.length());
        return call.endsWith("/") ? call.substring(0, call.length() - 1) : call;
    }

    /** A scripted fault's status, answered the way the Tracking API answers it. */
    Response fault(Fault fault) {
        Response response = failure(fault.status(), fault.reason());
        if (fault.retryAfterSeconds() > 0) {
            String seconds = Long.toString(fault.retryAfterSeconds());
            response = response.withHeader("Retry-After", seconds);
            if (fault.status() == 429) {
                // Segment's tracking edge states the wait twice; clients may read either.
                response = response.withHeader("X-RateLimit-Reset", seconds);
            }
        }
        return response;
    }

    private static Response success() {
        return Response.json(200, Map.of("success", true));
    }

    static Response failure(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", message);
        return Response.json(status, body);
    }
}
