package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Segment's server-side checks on one message. Segment answers 200 to a message failing them and
 * drops it; the emulator does the same but says why, which is what a client's tests need to see.
 */
final class EventValidation {

    static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");
    /** Segment's HTTP API documents messageIds as "less than 100 characters". */
    static final int MAX_MESSAGE_ID_LENGTH = 99;

    private EventValidation() {
    }

    /** The first reason to drop the message, or empty when Segment would keep it. */
    static Optional<DropReason> dropReason(String type, JsonNode message) {
        if (type == null || !TYPES.contains(type)) {
            return Optional.of(DropReason.INVALID_TYPE);
        }
        if ("alias".equals(type)) {
            // An alias links previousId to userId: an anonymousId cannot stand in for either.
            if (text(message, "previousId") == null) {
                return Optional.of(DropReason.MISSING_PREVIOUS_ID);
            }
            if (text(message, "userId") == null) {
                return Optional.of(DropReason.MISSING_USER_ID);
            }
        } else if (text(message, "userId") == null && text(message, "anonymousId") == null) {
            return Optional.of(DropReason.NO_USER_ANON_ID);
        }
        if ("track".equals(type) && text(message, "event") == null) {
            return Optional.of(DropReason.MISSING_EVENT);
        }
        if ("group".equals(type) && text(message, "groupId") == null) {
            return Optional.of(DropReason.MISSING_GROUP_ID);
        }
        if (message.hasNonNull("timestamp") && !isIso8601(message.get("timestamp"))) {
            return Optional.of(DropReason.INVALID_TIMESTAMP);
        }
        String messageId = text(message, "messageId");
        if (messageId != null && messageId.codePointCount(0, messageId.length()) > MAX_MESSAGE_ID_LENGTH) {
            return Optional.of(DropReason.MESSAGE_ID_TOO_LONG);
        }
        return Optional.empty();
    }

    /**
     * A field as text when it holds a usable value: a non-blank string or a number (Segment turns numeric
     * ids into strings). Anything else counts as absent.
     */
    static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static boolean isIso8601(JsonNode timestamp) {
        if (!timestamp.isTextual()) {
            return false;
        }
        String text = timestamp.asText();
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException notADateTime) {
            try {
                DateTimeFormatter.ISO_DATE.parse(text);
                return true;
            } catch (DateTimeParseException notADate) {
                return false;
            }
        }
    }
}
