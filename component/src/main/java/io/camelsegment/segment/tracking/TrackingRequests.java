package io.camelsegment.segment.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

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
        List<byte[]> written = checkedAndWritten(operation, call, messages);
        // only now is every messageId known to be a string
        List<MessageEncoder.Encoded> encoded = IntStream.range(0, messages.size())
                .mapToObj(i -> new MessageEncoder.Encoded((String) messages.get(i).get("messageId"), written.get(i)))
                .toList();
        if (call.isBatch()) {
            return encoder.pack(call.path(), encoded, now);
        }
        MessageEncoder.Encoded single = encoded.get(0);
        return List.of(new TrackingRequest(call.path(), single.json(), List.of(single.messageId())));
    }

    /** Every message written as JSON, or a {@link SegmentValidationException} listing every problem of every message. */
    private List<byte[]> checkedAndWritten(String operation, TrackingCall call, List<Map<String, Object>> messages) {
        List<String> problems = new ArrayList<>();
        List<byte[]> written = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            // a batch names the item at fault; a single call's exception already names its operation
            String label = call.isBatch() ? "batch item " + i + ": " : "";
            MessageRules.check(messages.get(i), call.historical()).forEach(problem -> problems.add(label + problem));
            byte[] json = write(operation, messages.get(i));
            String sizeProblem = MessageEncoder.sizeProblem(json);
            if (sizeProblem != null) {
                problems.add(label + sizeProblem);
            }
            written.add(json);
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
        }
    }
}
