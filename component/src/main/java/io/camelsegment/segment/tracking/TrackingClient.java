package io.camelsegment.segment.tracking;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentHttpException;
import io.camelsegment.segment.http.RetryPolicy;
import io.camelsegment.segment.http.SegmentRequest;
import io.camelsegment.segment.http.SegmentResponse;
import io.camelsegment.segment.http.SegmentTransport;

/**
 * Sends the requests of one Tracking API call, in order, authenticated with the write key as the HTTP Basic user.
 *
 * <p>
 * The call succeeds when Segment accepted every request; the first failure ends it, and the exception says which
 * messages were already delivered, so a caller knows what a redelivery would send twice (Segment deduplicates those by
 * messageId).
 */
public final class TrackingClient {

    /** Segment's usual acceptance, byte for byte: recognised without parsing, as it answers almost every request. */
    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private final SegmentTransport transport;
    private final ObjectMapper mapper;
    private final WriteKeyAnswers answers;

    public TrackingClient(SegmentTransport transport, ObjectMapper mapper) {
        this(transport, mapper, WriteKeyAnswers.NONE);
    }

    /** @param answers told of Segment's final answer to each request, with the write key it was sent with */
    public TrackingClient(SegmentTransport transport, ObjectMapper mapper, WriteKeyAnswers answers) {
        this.transport = transport;
        this.mapper = mapper;
        this.answers = answers;
    }

    public CompletableFuture<TrackingResult> send(String operation, List<TrackingRequest> requests, String baseUrl,
                                                  String writeKey) {
        String credentials = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        String authorization = "Basic " + credentials;
        CompletableFuture<TrackingResult> result
                = CompletableFuture.completedFuture(new TrackingResult(List.of(), 0, 0, 0));
        for (TrackingRequest request : requests) {
            SegmentRequest http = new SegmentRequest("POST", URI.create(baseUrl + request.path()),
                    Map.of("Authorization", authorization), request.body(),
                    operation + " (POST " + request.path() + ")", true, List.of(writeKey, credentials));
            result = result.thenCompose(sofar -> transport.send(http)
                    .thenApply(response -> {
                        answers.answered(writeKey, response.status());
                        return accepted(sofar, request, http, response);
                    }));
        }
        return result;
    }

    private TrackingResult accepted(TrackingResult sofar, TrackingRequest request, SegmentRequest http,
                                    SegmentResponse response) {
        Optional<String> refusal = refusal(response);
        if (refusal.isPresent()) {
            String delivered = sofar.messageIds().isEmpty() ? ""
                    : "; " + sofar.messageIds().size() + " message(s) of earlier requests were delivered";
            throw new SegmentHttpException("Segment Tracking API answered " + response.status() + " to " + http.description()
                                           + " after " + response.attempts() + " attempt(s)" + refusal.get() + ": "
                                           + http.excerpt(response.body()) + delivered,
                    response.status(), List.of(), RetryPolicy.isRetryable(http, response),
                    sofar.attempts() + response.attempts(), null);
        }
        List<String> ids = new ArrayList<>(sofar.messageIds());
        ids.addAll(request.messageIds());
        return new TrackingResult(ids, response.status(), sofar.attempts() + response.attempts(), sofar.requests() + 1);
    }

    /**
     * Why an answer is no acceptance, or empty when it is one. Segment accepts with 2xx {@code {"success":true}}; a 2xx
     * saying {@code "success":false}, or whose body is not JSON at all (a proxy's or captive portal's page), means the
     * events never reached Segment. An empty body is taken as an acceptance: it carries no sign of anything else.
     */
    private Optional<String> refusal(SegmentResponse response) {
        if (!response.isSuccessful()) {
            return Optional.of("");
        }
        if (response.body().length == 0 || Arrays.equals(response.body(), SUCCESS)) {
            return Optional.empty();
        }
        try {
            JsonNode success = mapper.readTree(response.body()).path("success");
            return success.isBoolean() && !success.booleanValue()
                    ? Optional.of(" without accepting the events") : Optional.empty();
        } catch (IOException notJson) {
            return Optional.of(" with a body that is not Segment's JSON");
        }
    }
}
