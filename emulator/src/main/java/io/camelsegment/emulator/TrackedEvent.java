package io.camelsegment.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.Map;

/**
 * One Segment message as the emulator received it: a single call is one event, a batch is one per item.
 *
 * @param sequence      position in arrival order, starting at 1 after every reset
 * @param type          identify, track, page, screen, group or alias (for a batch item, whatever it said)
 * @param userId        the message's {@code userId}, or null
 * @param anonymousId   the message's {@code anonymousId}, or null
 * @param messageId     the message's {@code messageId}, or null
 * @param event         {@code event} of a track call, or null
 * @param name          {@code name} of a page or screen call, or null
 * @param groupId       {@code groupId} of a group call, or null
 * @param previousId    {@code previousId} of an alias call, or null
 * @param accepted      whether Segment would keep the event
 * @param dropReason    why it was dropped, or null when accepted
 * @param endpoint      the path it arrived on, e.g. {@code /v1/track} or {@code /v1/batch}
 * @param writeKeyLast4 the last four characters of the write key, never the whole key
 * @param receivedAt    when the request arrived
 * @param headers       the client headers that matter to Segment: User-Agent, X-Retry-Count, Content-Type, Content-Encoding
 * @param json          the message as received (for a batch item: with the batch's context and integrations merged
 *                      in), without its {@code writeKey}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrackedEvent(
        long sequence,
        String type,
        String userId,
        String anonymousId,
        String messageId,
        String event,
        String name,
        String groupId,
        String previousId,
        boolean accepted,
        DropReason dropReason,
        String endpoint,
        String writeKeyLast4,
        @JsonSerialize(using = ToStringSerializer.class) Instant receivedAt,
        Map<String, String> headers,
        Map<String, Object> json) {

    public TrackedEvent {
        headers = headers == null ? Map.of() : headers;
        json = json == null ? Map.of() : json;
    }

    public boolean dropped() {
        return !accepted;
    }

    /** The client's User-Agent header, or null. */
    public String userAgent() {
        return headers.get("User-Agent");
    }

    /** The X-Retry-Count header Segment's libraries send on retries; 0 when absent or not a number. */
    public int retryCount() {
        String value = headers.get("X-Retry-Count");
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    TrackedEvent withSequence(long newSequence) {
        return new TrackedEvent(newSequence, type, userId, anonymousId, messageId, event, name, groupId, previousId,
                accepted, dropReason, endpoint, writeKeyLast4, receivedAt, headers, json);
    }

    TrackedEvent droppedAs(DropReason reason) {
        return new TrackedEvent(sequence, type, userId, anonymousId, messageId, event, name, groupId, previousId,
                false, reason, endpoint, writeKeyLast4, receivedAt, headers, json);
    }
}
