package io.camelsegment.emulator;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why Segment would answer 200 and still throw an event away. The codes are the ones Segment's
 * Debugger shows (e.g. {@code no_user_anon_id}), so a test can assert on the same words.
 */
public enum DropReason {

    /** Neither {@code userId} nor {@code anonymousId}. */
    NO_USER_ANON_ID("no_user_anon_id"),
    /** A track call without {@code event}. */
    MISSING_EVENT("missing_event"),
    /** A group call without {@code groupId}. */
    MISSING_GROUP_ID("missing_group_id"),
    /** An alias call without {@code previousId}. */
    MISSING_PREVIOUS_ID("missing_previous_id"),
    /** An alias call without {@code userId}. */
    MISSING_USER_ID("missing_user_id"),
    /** A batch item whose {@code type} is missing or not one of identify/track/page/screen/group/alias. */
    INVALID_TYPE("invalid_type"),
    /** Every item of a batch holding more than 2,500 of them. */
    TOO_MANY_ITEMS("too_many_items"),
    /** A {@code timestamp} that is not an ISO-8601 date-time. */
    INVALID_TIMESTAMP("invalid_timestamp"),
    /** A {@code messageId} of 100 characters or more: Segment wants it shorter (the code is the emulator's own word). */
    MESSAGE_ID_TOO_LONG("message_id_too_long"),
    /** A {@code messageId} already accepted: Segment deduplicates on it. */
    DUPLICATE_MESSAGE_ID("duplicate_message_id");

    private final String code;

    DropReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
