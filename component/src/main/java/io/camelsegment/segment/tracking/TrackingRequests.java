package io.camelsegment.segment.tracking;

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
        List<Map<String, Object>> messages = call.single()
                .map(type -> List.of(builder.single(type, body, mode, options, baseMessageId, now)))
                .orElseGet(() -> builder.batch(body, baseMessageId, now, call.historical()));
        if (messages.isEmpty()) {
            throw new SegmentValidationException(operation, List.of("the batch holds no message"));
        }
        List<String> problems = new ArrayList<>();
        List<MessageEncoder.Encoded> encoded = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String label = call.isBatch() ? "batch item " + i : operation;
            problems.addAll(MessageRules.check(label, messages.get(i), call.historical()));
            MessageEncoder.Encoded message = encode(operation, messages.get(i));
            String sizeProblem = MessageEncoder.sizeProblem(label, message);
            if (sizeProblem != null) {
                problems.add(sizeProblem);
            }
            encoded.add(message);
        }
        if (!problems.isEmpty()) {
            throw new SegmentValidationException(operation, problems);
        }
        if (call.isBatch()) {
            return encoder.pack(call.path(), encoded, now);
        }
        MessageEncoder.Encoded single = encoded.get(0);
        return List.of(new TrackingRequest(call.path(), single.json(), List.of(single.messageId())));
    }

    private MessageEncoder.Encoded encode(String operation, Map<String, Object> message) {
        try {
            return encoder.encode(message);
        } catch (JsonProcessingException e) {
            throw new SegmentValidationException(operation, List.of("the message cannot be written as JSON ("
                                                                    + e.getOriginalMessage() + ")"));
        }
    }
}
