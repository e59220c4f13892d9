package io.camelsegment.segment.tracking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.camelsegment.segment.SegmentHttpException;
import io.camelsegment.segment.SegmentNotDeliveredException;
import io.camelsegment.segment.http.RouteThreads;
import io.camelsegment.segment.http.SegmentTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a delivery queue's batches to {@code /batch} and tells each event of a batch how it went: accepted, or the
 * batch's final failure once the retry policy gave up (every attempt carries the same body, so the same messageIds).
 *
 * <p>
 * A failed exchange tells its route; a failed background event has no exchange left to tell, so it goes to its
 * {@link FailedEvents}, is counted, and each failed batch is logged once.
 */
final class BatchSender {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);
    private static final String OPERATION = "batched delivery";

    private final TrackingClient client;
    private final SegmentTransport transport;
    private final String trackingUrl;
    private final String writeKey;
    private final Clock clock;
    private final DeliveryStatistics statistics;
    /** Where the exchanges of a batch go on once it was answered. */
    private final RouteThreads routeThreads;
    /** Batches sent and not answered yet, so that a stop can wait for them, then give up on them. */
    private final Map<CompletableFuture<Void>, List<PendingEvent>> inFlight = new ConcurrentHashMap<>();

    BatchSender(TrackingClient client, SegmentTransport transport, String trackingUrl, String writeKey, Clock clock,
                DeliveryStatistics statistics, RouteThreads routeThreads) {
        this.client = client;
        this.transport = transport;
        this.trackingUrl = trackingUrl;
        this.writeKey = writeKey;
        this.clock = clock;
        this.statistics = statistics;
        this.routeThreads = routeThreads;
    }

    /** An event joined this sender's queue: counted until it ends. */
    void queued(PendingEvent event) {
        statistics.queued(event.bytes());
    }

    /** An event of this sender's queue ended: its receipt completed, either way. */
    void ended(PendingEvent event, boolean delivered) {
        statistics.ended(event.bytes(), delivered);
    }

    DeliveryStatistics statistics() {
        return statistics;
    }

    /**
     * Never throws: whatever goes wrong ends the batch's events. The batch is in flight before its request leaves, so
     * a stop that comes while this thread is still on its way back from sending finds it and gives up on it.
     */
    void send(List<PendingEvent> batch) {
        statistics.batchSent();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        inFlight.put(answered, batch);
        answered.whenComplete((ignored, failure) -> inFlight.remove(answered));
        try {
            TrackingRequest request = MessageEncoder.batch("/batch", events(batch), clock.instant());
            client.send(OPERATION, List.of(request), trackingUrl, writeKey)
                    .whenComplete((result, failure) -> answer(batch, result, failure, answered));
        } catch (Throwable e) {
            answer(batch, null, e, answered);
        }
    }

    private static List<MessageEncoder.Encoded> events(List<PendingEvent> batch) {
        List<MessageEncoder.Encoded> events = new ArrayList<>(batch.size());
        for (PendingEvent pending : batch) {
            events.add(pending.event());
        }
        return events;
    }

    private void answer(List<PendingEvent> batch, TrackingResult result, Throwable failure,
                        CompletableFuture<Void> answered) {
        try {
            // one answer ends a whole batch of exchanges: they go on in a few tasks rather than one hand-off each
            routeThreads.gathering(() -> answer(batch, result, failure));
        } finally {
            answered.complete(null);
        }
    }

    private void answer(List<PendingEvent> batch, TrackingResult result, Throwable failure) {
        if (failure == null) {
            BatchReceipt receipt = new BatchReceipt(result.status(), result.attempts(), batch.size());
            batch.forEach(pending -> pending.receipt().complete(receipt));
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        fail(batch, pending -> forOneEvent(cause, batch.size()), String.valueOf(cause.getMessage()));
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

    /**
     * Ends the batch's events that have not ended yet with their exception: a waiting exchange fails, a background
     * event goes to its failure endpoint. The future completes once those endpoints took the background events.
     */
    private CompletableFuture<Void> fail(List<PendingEvent> batch, Function<PendingEvent, Throwable> exception,
                                         String reason) {
        Map<FailedEvents, List<FailedEvents.FailedEvent>> background = new LinkedHashMap<>();
        for (PendingEvent pending : batch) {
            Throwable failure = exception.apply(pending);
            if (!pending.receipt().completeExceptionally(failure)) {
                continue; // ended already: by its answer, or by an earlier stop
            }
            if (pending.background()) {
                background.computeIfAbsent(pending.failures(), key -> new ArrayList<>())
                        .add(new FailedEvents.FailedEvent(pending.event(), failure));
            }
        }
        if (background.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        int count = background.values().stream().mapToInt(List::size).sum();
        statistics.backgroundEventsFailed(count);
        warn(count, batch.size(), reason, background);
        return CompletableFuture.allOf(background.entrySet().stream()
                .map(failed -> take(failed.getKey(), failed.getValue())).toArray(CompletableFuture[]::new));
    }

    /** Once per failed batch; the write key is no part of it, and reasons never carry it either. */
    private static void warn(int count, int batchSize, String reason,
                             Map<FailedEvents, List<FailedEvents.FailedEvent>> background) {
        StringBuilder where = new StringBuilder();
        background.forEach((failures, events) -> {
            where.append("; ").append(events.size()).append(": ").append(failures.destination());
            if (!failures.keepsEvents()) {
                where.append(" (messageIds ")
                        .append(events.stream().map(failed -> failed.event().messageId()).toList()).append(')');
            }
        });
        LOG.warn("Segment did not accept {} background event(s) of a batch of {}: {}{}", count, batchSize, reason, where);
    }

    private static CompletableFuture<Void> take(FailedEvents failures, List<FailedEvents.FailedEvent> events) {
        try {
            return failures.take(events);
        } catch (Throwable e) {
            LOG.error("The failure endpoint refused {} background event(s) Segment did not accept ({}); messageIds {}",
                    events.size(), e.toString(), events.stream().map(failed -> failed.event().messageId()).toList());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The batches still waiting for an answer. */
    CompletableFuture<Void> allAnswered() {
        return CompletableFuture.allOf(inFlight.keySet().toArray(CompletableFuture[]::new));
    }

    /**
     * Ends every event still waiting for its batch's answer as not delivered, then cuts the attempts under way: the
     * events end first, so the exchanges get the exception that says what happened to them. The future completes once
     * the background events among them were handed to their failure endpoints.
     */
    CompletableFuture<Void> giveUp(String why) {
        CompletableFuture<Void> handedOver = giveUpOn(List.copyOf(inFlight.values()), why);
        transport.abandonPending();
        return handedOver;
    }

    /**
     * Ends the background events still waiting for their batch's answer as not delivered, while the batches go on: a
     * CamelContext is about to stop the routes that would take them to their failure endpoint.
     */
    CompletableFuture<Void> giveUpOnBackground(String why) {
        return giveUpOn(inFlight.values().stream()
                .map(batch -> batch.stream().filter(PendingEvent::background).toList())
                .filter(background -> !background.isEmpty()).toList(), why);
    }

    private CompletableFuture<Void> giveUpOn(List<List<PendingEvent>> batches, String why) {
        return CompletableFuture.allOf(batches.stream()
                .map(batch -> fail(batch, pending -> new SegmentNotDeliveredException(
                        "The event " + pending.event().messageId() + " was not delivered: " + why), why))
                .toArray(CompletableFuture[]::new));
    }

    /** Events Segment accepted. */
    long deliveredEvents() {
        return statistics.getEventsDelivered();
    }

    /** Background events Segment did not accept, or a stop gave up on: handed to their failure endpoint, or logged. */
    long failedEvents() {
        return statistics.getBackgroundEventsFailed();
    }

    /** Exchanges that waited for their batch and ended with its failure, or as not delivered at a stop. */
    long failedExchanges() {
        return statistics.getEventsFailed() - statistics.getBackgroundEventsFailed();
    }
}
