package io.camelsegment.segment.tracking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

    private static final int MAX_ERROR_BODY = 300;

    private final SegmentTransport transport;

    public TrackingClient(SegmentTransport transport) {
        this.transport = transport;
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
                    .thenApply(response -> accepted(sofar, request, http, response)));
        }
        return result;
    }

    private static TrackingResult accepted(TrackingResult sofar, TrackingRequest request, SegmentRequest http,
                                           SegmentResponse response) {
        if (!response.isSuccessful()) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            String delivered = sofar.messageIds().isEmpty() ? ""
                    : "; " + sofar.messageIds().size() + " message(s) of earlier requests were delivered";
            throw new SegmentHttpException("Segment Tracking API answered " + response.status() + " to " + http.description()
                                           + " after " + response.attempts() + " attempt(s): "
                                           + (body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) + "..." : body)
                                           + delivered,
                    response.status(), List.of(), RetryPolicy.isRetryable(response.status()),
                    sofar.attempts() + response.attempts(), null);
        }
        List<String> ids = new ArrayList<>(sofar.messageIds());
        ids.addAll(request.messageIds());
        return new TrackingResult(ids, response.status(), sofar.attempts() + response.attempts(), sofar.requests() + 1);
    }
}
