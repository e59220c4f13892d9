package io.camelsegment.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.camelsegment.emulator.DropReason;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.emulator.TrackingRequest;
import io.camelsegment.segment.tracking.DeliveryStatistics;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deliveryMode=batched loses nothing against a Segment that fails about a fifth of its requests at random: every
 * exchange completes successfully once its event was accepted, and an event arrives twice only through a retry of the
 * very same batch, with the same messageId, which Segment (here the emulator) deduplicates.
 */
class BatchedLosslessTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(BatchedLosslessTest.class);

    /** Every event kept, so that each one can be accounted for. */
    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension(SegmentEmulator.builder().maxRecorded(0));

    private static final int EVENTS = 10_000;
    private static final int THREADS = 8;

    @Test
    void tenThousandEventsFromEightThreadsAllArriveAndEveryExchangeSucceedsThoughAFifthOfRequestsFail() throws Exception {
        SegmentEmulator emulator = SEGMENT.emulator();
        // drawn in turn from a seeded sequence, so about 10 + 6.3 + 3.3 + 1.6 = 21 % of the tracking requests fail
        emulator.faults().ratio(0.10).onTracking().status(503);
        emulator.faults().ratio(0.07).onTracking().connectionReset();
        emulator.faults().ratio(0.04).onTracking().status(429).retryAfterSeconds(1);
        // answered after the client gave up on it: its events are recorded, and the retry brings them again
        emulator.faults().ratio(0.02).onTracking().delay(Duration.ofMillis(3500));
        String uri = "segment:track?writeKey=RAW(" + DEMO_WRITE_KEY + ")&trackingUrl=" + SEGMENT.trackingUrl()
                     + "&event=Lossless&deliveryMode=batched&flushCount=100&flushInterval=10&queueCapacity=20000"
                     + "&maxRetries=10&retryInitialDelay=5&retryMaxDelay=50&responseTimeout=3000";

        long start = System.nanoTime();
        List<Exchange> exchanges = sendFromThreads(uri);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(exchanges).hasSize(EVENTS).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        Set<String> sent = exchanges.stream().map(e -> e.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class))
                .collect(Collectors.toSet());
        assertThat(sent).hasSize(EVENTS);

        Map<String, Long> accepted = emulator.acceptedEvents().stream()
                .collect(Collectors.groupingBy(TrackedEvent::messageId, Collectors.counting()));
        assertThat(accepted.keySet()).as("every event arrived").isEqualTo(sent);
        assertThat(accepted.values()).as("and was kept once").containsOnly(1L);

        List<TrackedEvent> duplicates = emulator.droppedEvents();
        assertThat(duplicates).allSatisfy(event -> {
            assertThat(event.dropReason()).isEqualTo(DropReason.DUPLICATE_MESSAGE_ID);
            assertThat(sent).contains(event.messageId());
        });
        // a duplicate comes only from sending a batch again: one of its two arrivals is a retry
        Map<String, List<TrackedEvent>> arrivals = emulator.events().stream()
                .collect(Collectors.groupingBy(TrackedEvent::messageId));
        assertThat(duplicates).allSatisfy(duplicate -> assertThat(arrivals.get(duplicate.messageId()))
                .anySatisfy(arrival -> assertThat(arrival.retryCount()).isPositive()));

        List<TrackingRequest> requests = emulator.trackingRequests();
        long faulted = requests.stream().filter(request -> request.fault() != null).count();
        long retriedRequests = requests.stream().filter(request -> request.header("X-Retry-Count") != null).count();
        DeliveryStatistics statistics = context.getComponent("segment", SegmentComponent.class).batchQueues().open().get(0)
                .statistics();
        assertThat(faulted).as("about a fifth of the requests failed").isBetween(requests.size() / 10L,
                requests.size() * 3L / 10);
        assertThat(statistics.getEventsDelivered()).isEqualTo(EVENTS);
        assertThat(statistics.getEventsFailed()).isZero();
        assertThat(statistics.getQueuedEvents()).isZero();
        assertThat(statistics.getRetries()).isGreaterThanOrEqualTo(faulted).isEqualTo(retriedRequests);
        assertThat(statistics.getRateLimitPauses()).isPositive();

        Map<String, Long> faults = requests.stream().filter(request -> request.fault() != null)
                .collect(Collectors.groupingBy(TrackingRequest::fault, Collectors.counting()));
        LOG.info("Batched lossless: {} events from {} threads in {} ms; {} requests ({} batches, {} retries), {} faulted"
                 + " {}; {} duplicates (same messageId, deduplicated by the emulator); {} rate-limit pauses;"
                 + " {} failed exchanges",
                EVENTS, THREADS, millis, requests.size(), statistics.getBatchesSent(), statistics.getRetries(), faulted,
                faults, duplicates.size(), statistics.getRateLimitPauses(),
                exchanges.stream().filter(e -> e.getException() != null).count());
    }

    private static long left(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private List<Exchange> sendFromThreads(String uri) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try {
            List<CompletableFuture<List<CompletableFuture<Exchange>>>> perThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                perThread.add(CompletableFuture.supplyAsync(() -> {
                    List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                    for (int i = 0; i < EVENTS / THREADS; i++) {
                        String userId = "u-" + thread + "-" + i;
                        sent.add(template.asyncSend(uri, e -> e.getIn().setHeader(SegmentConstants.USER_ID, userId)));
                    }
                    return sent;
                }, callers));
            }
            // one deadline for everything: generous, since a loaded CI machine may run far slower than a laptop
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            List<Exchange> exchanges = new ArrayList<>();
            for (CompletableFuture<List<CompletableFuture<Exchange>>> thread : perThread) {
                for (CompletableFuture<Exchange> exchange : thread.get(left(deadline), TimeUnit.NANOSECONDS)) {
                    exchanges.add(exchange.get(left(deadline), TimeUnit.NANOSECONDS));
                }
            }
            return exchanges;
        } finally {
            callers.shutdownNow();
        }
    }

}
