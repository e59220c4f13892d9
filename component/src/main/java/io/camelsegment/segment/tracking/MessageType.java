package io.camelsegment.segment.tracking;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The six kinds of Segment message, with the fields each one needs before Segment will keep it.
 *
 * <p>
 * Segment answers 200 and silently drops a message that lacks these, so they are checked here, before sending.
 */
public enum MessageType {

    IDENTIFY("identify", "traits", List.of(), List.of()),
    TRACK("track", "properties", List.of("event"), List.of("event")),
    PAGE("page", "properties", List.of("name"), List.of()),
    SCREEN("screen", "properties", List.of("name"), List.of()),
    GROUP("group", "traits", List.of("groupId"), List.of("groupId")),
    ALIAS("alias", null, List.of("previousId"), List.of("previousId", "userId"));

    /** Read once: {@code values()} copies its array on every call, and every message is checked against these. */
    private static final List<MessageType> ALL = List.of(values());

    private final String type;
    private final String payloadField;
    private final List<String> optionFields;
    private final List<String> requiredFields;

    MessageType(String type, String payloadField, List<String> ownFields, List<String> requiredFields) {
        this.type = type;
        this.payloadField = payloadField;
        this.optionFields = Stream.concat(Stream.of("userId", "anonymousId"), ownFields.stream()).toList();
        this.requiredFields = requiredFields;
    }

    /** The value of the message's {@code type} field. */
    public String type() {
        return type;
    }

    /** The field a payload-only body becomes ({@code properties} or {@code traits}); empty for alias. */
    public Optional<String> payloadField() {
        return Optional.ofNullable(payloadField);
    }

    /** The top-level fields that endpoint options and headers fill in when the body leaves them out. */
    public List<String> optionFields() {
        return optionFields;
    }

    /**
     * The top-level fields that must be non-blank strings when present: the same fields options fill in, the ids and
     * the type's event or name. Segment drops a message whose userId is, say, an array, after answering 200.
     */
    public List<String> textFields() {
        return optionFields;
    }

    /** The fields Segment drops the message without, besides userId-or-anonymousId. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    public static Optional<MessageType> of(Object type) {
        for (MessageType candidate : ALL) {
            if (candidate.type.equals(type)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
