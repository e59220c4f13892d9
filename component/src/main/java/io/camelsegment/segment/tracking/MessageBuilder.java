package io.camelsegment.segment.tracking;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentValidationException;
import io.camelsegment.segment.json.InvalidJsonException;
import io.camelsegment.segment.json.JsonBody;

/**
 * Turns an exchange body, plus option and header values, into Segment messages as plain maps.
 *
 * <p>
 * Fields the caller set are kept as they are: a caller's {@code messageId}, {@code timestamp} or {@code context.library}
 * win over anything this builder would add.
 */
public final class MessageBuilder {

    /** The fields naming a user, an anonymous visitor, a group or a former id. */
    private static final List<String> IDS = List.of("userId", "anonymousId", "groupId", "previousId");

    /** The fields of a batch envelope that Segment applies to every item. */
    private static final List<String> ENVELOPE_FIELDS = List.of("context", "integrations");

    /** The fields most messages gain from their builder: type, messageId, timestamp and context. */
    private static final int ADDED_FIELDS = 4;

    private final ObjectMapper mapper;
    private final Map<String, Object> library;

    public MessageBuilder(ObjectMapper mapper, String libraryName, String libraryVersion) {
        this.mapper = mapper;
        this.library = Map.of("name", libraryName, "version", libraryVersion);
    }

    /**
     * Builds the message of a single call.
     *
     * @param options   the value of an endpoint option or its header for this exchange, by option name
     * @param messageId the messageId to use when the body has none
     * @param timestamp the time of the call as ISO-8601 text, for a message without its own
     */
    public Map<String, Object> single(MessageType type, Object body, BodyMode mode, Function<String, Object> options,
                                      String messageId, String timestamp) {
        Map<String, Object> message = mode == BodyMode.PAYLOAD ? wrapPayload(type, body) : toMessage(type.type(), body);
        for (String field : type.optionFields()) {
            Object value = options.apply(field);
            if (value != null && !message.containsKey(field)) {
                message.put(field, asWritten(value));
            }
        }
        Object ownTimestamp = options.apply("timestamp");
        if (ownTimestamp != null && !message.containsKey("timestamp")) {
            message.put("timestamp", iso8601(ownTimestamp));
        }
        message.put("type", type.type());
        complete(message, messageId, timestamp, true);
        return message;
    }

    /**
     * Builds the messages of a batch or import call from a list, a JSON array or a {@code {"batch": [...]}} envelope.
     * Item {@code i} without a messageId gets {@code baseMessageId-i}, so a redelivery sends the same ids again. An
     * envelope's {@code context} and {@code integrations} are merged into every item, the item's own values winning,
     * as Segment merges them.
     */
    public List<Map<String, Object>> batch(Object body, String baseMessageId, String timestamp, boolean historical) {
        Object value = readJson("batch", body);
        Map<String, Object> shared = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> envelope && envelope.get("batch") instanceof List<?>) {
            for (String field : ENVELOPE_FIELDS) {
                if (envelope.get(field) != null) {
                    shared.put(field, envelope.get(field));
                }
            }
        }
        List<Object> items = toItems(value);
        List<Map<String, Object>> messages = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> message = item("batch item " + i, items.get(i));
            shared.forEach((field, envelopeValue) -> message.put(field, merge(envelopeValue, message.get(field))));
            complete(message, baseMessageId + "-" + i, timestamp, !historical);
            messages.add(message);
        }
        return messages;
    }

    private void complete(Map<String, Object> message, String messageId, String timestamp, boolean stampTimestamp) {
        wholeNumberIdsAsText(message);
        message.putIfAbsent("messageId", messageId);
        if (stampTimestamp) {
            message.putIfAbsent("timestamp", timestamp);
        }
        Object context = message.get("context");
        if (context == null) {
            Map<String, Object> withLibrary = new LinkedHashMap<>(2);
            withLibrary.put("library", library);
            message.put("context", withLibrary);
        } else if (context instanceof Map) {
            // read by JsonBody, so this message's own copy, with string keys
            @SuppressWarnings("unchecked")
            Map<String, Object> withLibrary = (Map<String, Object>) context;
            withLibrary.putIfAbsent("library", library);
        }
        // a context that is not an object is left as it is, for MessageRules to report
    }

    /**
     * A header value as Jackson will write it, so a UUID or an enum counts as the text it becomes. Maps, collections and
     * arrays are kept as they are, never written, for MessageRules to refuse: an id or event is never one of those.
     */
    private Object asWritten(Object value) {
        if (value instanceof String || value instanceof Map || value instanceof Collection || value instanceof Object[]) {
            return value;
        }
        try {
            return mapper.convertValue(value, Object.class);
        } catch (IllegalArgumentException e) {
            return value; // named by its class in the problem MessageRules reports
        }
    }

    /**
     * Ids given as whole numbers (a database key in a header, {@code "userId": 42} in JSON) are sent as their decimal
     * text. Segment's HTTP Tracking API documents every id as a String, and Segment's own libraries disagree on numbers:
     * analytics-ruby and segmentio/facade turn them into strings (segmentio/analytics-ruby#48, segmentio/facade#36),
     * analytics-node 7+ refuses them (segmentio/analytics-next#834). Sending the text keeps the id the user meant and
     * puts on the wire only what Segment documents. A fraction ({@code 1.5}) has no one text form, so MessageRules
     * refuses it like any other non-string.
     */
    private static void wholeNumberIdsAsText(Map<String, Object> message) {
        for (String field : IDS) {
            Object value = message.get(field);
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
                message.put(field, value.toString());
            }
        }
    }

    /** A date-time object from a header becomes the ISO-8601 text Segment reads; text is kept for MessageRules to check. */
    private static Object iso8601(Object value) {
        if (value instanceof Date date) {
            return DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((TemporalAccessor) value);
        }
        return value;
    }

    private Map<String, Object> wrapPayload(MessageType type, Object body) {
        Map<String, Object> message = new LinkedHashMap<>();
        String field = type.payloadField()
                .orElseThrow(() -> invalid(type.type(), type.type() + " has no payload: use bodyMode=message"));
        if (body != null) {
            message.put(field, toMessage(type.type(), body));
        }
        return message;
    }

    private Map<String, Object> toMessage(String what, Object body) {
        if (body instanceof Map<?, ?> map && JsonBody.isPlain(map)) {
            return ownTopLevel(map);
        }
        Object value = readJson(what, body);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw invalid(what, "the body is not a JSON object but " + (value instanceof List ? "an array" : "a single value"));
        }
        // JsonBody built this map afresh, with string keys: it is the message, with no second copy
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) value;
        return message;
    }

    /**
     * A plain map body, not copied deeply: the message completes only its top level and its context in place, so those
     * are its own maps, with room for the fields it adds; deeper values stay the caller's, only read, and are written as
     * JSON before the call returns.
     */
    private static Map<String, Object> ownTopLevel(Map<?, ?> body) {
        Map<String, Object> message = new LinkedHashMap<>(capacity(body.size() + ADDED_FIELDS));
        body.forEach((key, value) -> message.put((String) key, value));
        if (message.get("context") instanceof Map<?, ?> context) {
            Map<String, Object> own = new LinkedHashMap<>(capacity(context.size() + 1));
            context.forEach((key, value) -> own.put((String) key, value));
            message.put("context", own);
        }
        return message;
    }

    /** The capacity a LinkedHashMap needs to hold {@code size} entries without growing. */
    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }

    /** An item already read with its batch is the item's own map; an item given as JSON text is read now. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String what, Object item) {
        return item instanceof Map ? (Map<String, Object>) item : toMessage(what, item);
    }

    private Object readJson(String what, Object body) {
        try {
            return JsonBody.read(mapper, body);
        } catch (InvalidJsonException e) {
            throw invalid(what, e.getMessage());
        }
    }

    /** An envelope value under an item's own: objects are merged deeply, the item winning; otherwise the item's stays. */
    private static Object merge(Object envelopeValue, Object own) {
        if (own == null) {
            // every item completes its context in place: each gets its own copy of the envelope's
            return JsonBody.copyOf(envelopeValue);
        }
        if (envelopeValue instanceof Map<?, ?> && own instanceof Map<?, ?> ownMap) {
            @SuppressWarnings("unchecked")
            Map<String, Object> merged = (Map<String, Object>) JsonBody.copyOf(envelopeValue);
            ownMap.forEach((key, value) -> merged.put((String) key, merge(merged.get(key), value)));
            return merged;
        }
        return own;
    }

    private List<Object> toItems(Object value) {
        if (value instanceof Map<?, ?> envelope && envelope.get("batch") instanceof List<?> batch) {
            value = batch;
        }
        if (!(value instanceof List<?>)) {
            throw invalid("batch", "the body must be a list of messages, a JSON array or a {\"batch\": [...]} object");
        }
        // read by JsonBody: already a list of plain values of its own, each item checked as a message below
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) value;
        return items;
    }

    private static SegmentValidationException invalid(String what, String problem) {
        return new SegmentValidationException(what, List.of(problem));
    }
}
