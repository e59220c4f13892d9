package io.camelsegment.segment.tracking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
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

    /** The text fields of a message whose type is unknown: the ids every message names its user by. */
    private static final List<String> USER_IDS = List.of("userId", "anonymousId");

    private MessageRules() {
    }

    /**
     * The problems of one message, each worded for a route author; empty when Segment will keep it. They do not name the
     * message: a single call's exception already names its operation, a batch names the item.
     *
     * @param historical whether the message must carry its own timestamp
     * @param stamped    ISO-8601 text known to be valid, such as the timestamp stamped on messages without one: a
     *                   timestamp equal to it is not parsed again; {@code null} for none
     */
    public static List<String> check(Map<String, Object> message, boolean historical, String stamped) {
        List<String> problems = new ArrayList<>();
        Optional<MessageType> type = MessageType.of(message.get("type"));
        if (type.isEmpty()) {
            problems.add("type must be one of identify, track, page, screen, group, alias but was "
                         + describe(message.get("type")));
        }
        List<String> textFields = type.map(MessageType::textFields).orElse(USER_IDS);
        for (String field : textFields) {
            Object value = message.get(field);
            if (value != null && !(value instanceof String text && !text.isBlank())) {
                problems.add(field + " must be a non-blank string but was " + describe(value));
            }
        }
        if (message.get("userId") == null && message.get("anonymousId") == null) {
            problems.add("userId or anonymousId is required");
        }
        if (type.isPresent()) {
            for (String field : type.get().requiredFields()) {
                if (message.get(field) == null) {
                    problems.add(field + " is required for " + type.get().type());
                }
            }
        }
        checkTimestamp("timestamp", message.get("timestamp"), historical, stamped, problems);
        checkTimestamp("sentAt", message.get("sentAt"), false, null, problems);
        checkMessageId(message.get("messageId"), problems);
        if (message.get("context") != null && !(message.get("context") instanceof Map)) {
            problems.add("context must be an object");
        }
        return problems;
    }

    /** Checked before anything reads the messageId as text: a number there must be a problem, never a crash. */
    private static void checkMessageId(Object messageId, List<String> problems) {
        if (messageId instanceof String id && !id.isBlank() && id.length() < MAX_MESSAGE_ID_LENGTH) {
            return;
        }
        String was = messageId instanceof String id && !id.isBlank() ? id.length() + " characters long" : describe(messageId);
        problems.add("messageId must be a non-blank string shorter than " + MAX_MESSAGE_ID_LENGTH
                     + " characters but was " + was);
    }

    private static void checkTimestamp(String field, Object value, boolean required, String stamped,
                                       List<String> problems) {
        if (value == null) {
            if (required) {
                problems.add(field + " is required for a historical import");
            }
            return;
        }
        if (stamped != null && stamped.equals(value)) {
            return;
        }
        if (!(value instanceof String text) || !isIso8601(text)) {
            problems.add(field + " must be an ISO-8601 date-time with a zone, e.g. 2024-05-01T12:00:00Z, but was "
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

    /**
     * A value as a route author would name it. Only text is quoted; other values are named by their JSON type, never
     * printed, so a huge or self-containing value cannot flood or break the message.
     */
    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        if (value instanceof String text) {
            return text.isBlank() ? "blank" : "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof Collection || value instanceof Object[]) {
            return "an array";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof Number ? "the number " + value : "a " + value.getClass().getSimpleName();
    }
}
