package io.camelsegment.segment.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelsegment.segment.SegmentValidationException;

/**
 * Turns an exchange's body and option values into the Tracking API requests of one call: builds the messages, checks
 * every rule Segment would silently drop a message for, and encodes them within Segment's size limits.
 *
 * <p>
 * Either every message is valid and requests come back, or a {@link SegmentValidationException} lists every problem
 * found and nothing is sent.
 */
public final class TrackingRequests {

    private final MessageBuilder builder;
    private final MessageEncoder encoder;
    private final Clock clock;

    public TrackingRequests(MessageBuilder builder, MessageEncoder encoder, Clock clock) {
        this.builder = builder;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * @param operation     the operation name used in problem messages
     * @param options       the value of an endpoint option or its header for this exchange, by option name
     * @param baseMessageId the messageId (or, in a batch, the prefix of the messageIds) for messages without one
     */
    public List<TrackingRequest> prepare(String operation, TrackingCall call, Object body, BodyMode mode,
                                         Function<String, Object> options, String baseMessageId) {
        Instant now = clock.instant();
        String timestamp = Timestamps.iso8601(now);
        MessageType single = call.messageType();
        List<Map<String, Object>> messages = single != null
                ? List.of(builder.single(single, body, mode, options, baseMessageId, timestamp))
                : builder.batch(body, baseMessageId, timestamp, call.historical());
        if (messages.isEmpty()) {
            throw new SegmentValidationException(operation, List.of("the batch holds no message"));
        }
        List<MessageEncoder.Encoded> encoded = checkedAndWritten(operation, call, messages, timestamp);
        if (call.isBatch()) {
            return encoder.pack(call.path(), encoded, now);
        }
        MessageEncoder.Encoded message = encoded.get(0);
        return List.of(new TrackingRequest(call.path(), message.json(), List.of(message.messageId())));
    }

    /**
     * Every message written as JSON with its id, or a {@link SegmentValidationException} listing every problem of every
     * message.
     *
     * @param timestamp the timestamp stamped on messages without their own: known to be ISO-8601, so not read again
     */
    private List<MessageEncoder.Encoded> checkedAndWritten(String operation, TrackingCall call,
                                                           List<Map<String, Object>> messages, String timestamp) {
        List<String> problems = new ArrayList<>(0);
        List<MessageEncoder.Encoded> written = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Map<String, Object> message = messages.get(i);
            List<String> own = MessageRules.check(message, call.historical(), timestamp);
            byte[] json = write(operation, message);
            String sizeProblem = MessageEncoder.sizeProblem(json);
            if (!own.isEmpty() || sizeProblem != null) {
                // a batch names the item at fault; a single call's exception already names its operation
                String label = call.isBatch() ? "batch item " + i + ": " : "";
                own.forEach(problem -> problems.add(label + problem));
                if (sizeProblem != null) {
                    problems.add(label + sizeProblem);
                }
            }
            if (problems.isEmpty()) {
                // only a message without problems has a messageId known to be a string
                written.add(new MessageEncoder.Encoded((String) message.get("messageId"), json));
            }
        }
        if (!problems.isEmpty()) {
            throw new SegmentValidationException(operation, problems);
        }
        return written;
    }

    private byte[] write(String operation, Map<String, Object> message) {
        try {
            return encoder.write(message);
        } catch (JsonProcessingException e) {
            throw new SegmentValidationException(operation, List.of("the message cannot be written as JSON ("
                                                                    + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            // written to memory: only a serializer of the application's can fail this way
            throw new SegmentValidationException(operation, List.of("the message cannot be written as JSON ("
                                                                    + e.getMessage() + ")"));
        }
    }
}
