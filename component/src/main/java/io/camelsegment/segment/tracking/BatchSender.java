package io.camelsegment.segment.tracking;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.camelsegment.segment.SegmentHttpException;
import io.camelsegment.segment.SegmentNotDeliveredException;
import io.camelsegment.segment.http.SegmentTransport;

/**
 * Posts a delivery queue's batches to {@code /batch} and tells each event of a batch how it went: accepted, or the
 * batch's final failure once the retry policy gave up (every attempt carries the same body, so the same messageIds).
 */
final class BatchSender {

    private static final String OPERATION = "batched delivery";

    private final TrackingClient client;
    private final SegmentTransport transport;
    private final String trackingUrl;
    private final String writeKey;
    private final Clock clock;
    private final DeliveryStatistics statistics;
    /** Batches sent and not answered yet, so that a stop can wait for them, then give up on them. */
    private final Map<CompletableFuture<Void>, List<PendingEvent>> inFlight = new ConcurrentHashMap<>();

    BatchSender(TrackingClient client, SegmentTransport transport, String trackingUrl, String writeKey, Clock clock,
                DeliveryStatistics statistics) {
        this.client = client;
        this.transport = transport;
        this.trackingUrl = trackingUrl;
        this.writeKey = writeKey;
        this.clock = clock;
        this.statistics = statistics;
    }

    /** An event joined this sender's queue: counted until it ends. */
    void queued(PendingEvent event) {
        statistics.queued(event);
    }

    DeliveryStatistics statistics() {
        return statistics;
    }

    /** Never throws: whatever goes wrong ends the batch's events. */
    void send(List<PendingEvent> batch) {
        CompletableFuture<Void> answered;
        statistics.batchSent();
        try {
            TrackingRequest request = MessageEncoder.batch("/batch",
                    batch.stream().map(PendingEvent::event).toList(), clock.instant());
            answered = client.send(OPERATION, List.of(request), trackingUrl, writeKey)
                    .handle((result, failure) -> {
                        answer(batch, result, failure);
                        return null;
                    });
        } catch (Throwable e) {
            answer(batch, null, e);
            return;
        }
        inFlight.put(answered, batch);
        answered.whenComplete((ignored, failure) -> inFlight.remove(answered));
    }

    private static void answer(List<PendingEvent> batch, TrackingResult result, Throwable failure) {
        if (failure == null) {
            BatchReceipt receipt = new BatchReceipt(result.status(), result.attempts(), batch.size());
            batch.forEach(pending -> pending.receipt().complete(receipt));
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        batch.forEach(pending -> pending.receipt().completeExceptionally(forOneEvent(cause, batch.size())));
    }

    /** Each exchange gets an exception of its own: Camel's error handling adds to the exception it is given. */
    private static Throwable forOneEvent(Throwable cause, int batchSize) {
        String message = cause.getMessage() + " (a batch of " + batchSize + " event(s))";
        if (cause instanceof SegmentHttpException http) {
            return new SegmentHttpException(message, http.getStatusCode(), http.getErrors(), http.isRetryable(),
                    http.getAttempts(), http.isOutcomeUnknown(), cause);
        }
        return new SegmentHttpException("Segment " + OPERATION + " failed: " + message, 0, List.of(), false, 0, cause);
    }

    /** The batches still waiting for an answer. */
    CompletableFuture<Void> allAnswered() {
        return CompletableFuture.allOf(inFlight.keySet().toArray(CompletableFuture[]::new));
    }

    /**
     * Ends every event still waiting for its batch's answer as not delivered, then cuts the attempts under way: the
     * events end first, so the exchanges get the exception that says what happened to them.
     */
    void giveUp(String why) {
        inFlight.values().forEach(batch -> batch.forEach(pending -> pending.receipt().completeExceptionally(
                new SegmentNotDeliveredException("The event " + pending.event().messageId() + " was not delivered: "
                                                 + why))));
        transport.abandonPending();
    }
}
