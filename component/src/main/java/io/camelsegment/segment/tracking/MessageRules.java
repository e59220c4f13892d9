package io.camelsegment.segment.tracking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks Segment applies after it has already answered 200: a message failing one is dropped on Segment's side,
 * so it is reported here instead.
 */
public final class MessageRules {

    /** Segment deduplicates on messageId and asks for fewer than 100 characters. */
    static final int MAX_MESSAGE_ID_LENGTH = 100;

    private MessageRules() {
    }

    /**
     * The problems of one message, each worded for a route author; empty when Segment will keep it.
     *
     * @param label      how to name the message in a problem, e.g. {@code batch item 3}
     * @param historical whether the message must carry its own timestamp
     */
    public static List<String> check(String label, Map<String, Object> message, boolean historical) {
        List<String> problems = new ArrayList<>();
        Optional<MessageType> type = MessageType.of(message.get("type"));
        if (type.isEmpty()) {
            problems.add(label + ": type must be one of identify, track, page, screen, group, alias but was "
                         + describe(message.get("type")));
        }
        if (isBlank(message.get("userId")) && isBlank(message.get("anonymousId"))) {
            problems.add(label + ": userId or anonymousId is required");
        }
        type.ifPresent(t -> t.requiredFields().stream()
                .filter(field -> isBlank(message.get(field)))
                .forEach(field -> problems.add(label + ": " + field + " is required for " + t.type())));
        checkTimestamp(label, "timestamp", message.get("timestamp"), historical, problems);
        checkTimestamp(label, "sentAt", message.get("sentAt"), false, problems);
        Object messageId = message.get("messageId");
        if (!(messageId instanceof String id) || id.isBlank() || id.length() >= MAX_MESSAGE_ID_LENGTH) {
            problems.add(label + ": messageId must be a non-blank string shorter than " + MAX_MESSAGE_ID_LENGTH
                         + " characters");
        }
        if (message.get("context") != null && !(message.get("context") instanceof Map)) {
            problems.add(label + ": context must be an object");
        }
        return problems;
    }

    private static void checkTimestamp(String label, String field, Object value, boolean required, List<String> problems) {
        if (value == null) {
            if (required) {
                problems.add(label + ": " + field + " is required for a historical import");
            }
            return;
        }
        if (!(value instanceof String text) || !isIso8601(text)) {
            problems.add(label + ": " + field + " must be an ISO-8601 date-time with a zone, e.g. 2024-05-01T12:00:00Z, but was "
                         + describe(value));
        }
    }

    static boolean isIso8601(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
}
