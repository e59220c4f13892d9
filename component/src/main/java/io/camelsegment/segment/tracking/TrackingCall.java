package io.camelsegment.segment.tracking;

import java.util.Optional;

/**
 * One Tracking API operation: where it posts and what kind of body it carries.
 *
 * @param path        the path below the tracking base URL, e.g. {@code /track}
 * @param messageType the message type of a single call; {@code null} for batch and import, whose items carry their own
 * @param historical  whether every message must carry its own timestamp (import is for historical data)
 */
public record TrackingCall(String path, MessageType messageType, boolean historical) {

    public static TrackingCall single(MessageType type) {
        return new TrackingCall("/" + type.type(), type, false);
    }

    public static TrackingCall batch(String path) {
        return new TrackingCall(path, null, false);
    }

    public static TrackingCall historicalImport(String path) {
        return new TrackingCall(path, null, true);
    }

    public boolean isBatch() {
        return messageType == null;
    }

    public Optional<MessageType> single() {
        return Optional.ofNullable(messageType);
    }
}
