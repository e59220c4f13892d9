package io.camelsegment.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.camelsegment.emulator.DropReason;
import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.emulator.TrackingRequest;
import io.camelsegment.segment.tracking.BatchQueue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background mode against a Segment failing about 20% of its batch requests at random (503, 429 with Retry-After 0 or
 * 1 s, connection resets): every event either arrives at Segment or reaches the failure endpoint; none vanishes.
 */
class LosslessBackgroundTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LosslessBackgroundTest.class);

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT
            = new SegmentEmulatorExtension(SegmentEmulator.builder().maxRecorded(0).faultSeed(20));

    private static final int EVENTS = 10_000;
    private static final int CALLERS = 4;
    private static final long WAIT_SECONDS = 60;
    /** One retry only, so that some batches fail for good and the failure endpoint has work too. */
    private static final String OPTIONS = "event=E&deliveryMode=background&flushCount=50&flushInterval=20"
                                          + "&maxRetries=1&retryInitialDelay=5&retryMaxDelay=20"
                                          + "&queueFullPolicy=block&queueFullTimeout=30000"
                                          + "&failureUri=seda:segment-failed?size=" + EVENTS;

    private final Map<String, Throwable> failed = new ConcurrentHashMap<>();

    private static void await(BooleanSupplier condition) throws InterruptedException {
        BoundedWait.until(condition, Duration.ofSeconds(WAIT_SECONDS));
    }

    @Test
    void everyEventArrivesOrReachesTheFailureEndpoint() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:segment-failed?size=" + EVENTS).process(exchange -> failed.put(
                        exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class),
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
            }
        });
        SEGMENT.emulator().faults().ratio(0.07).onPath("/v1/batch").status(503);
        SEGMENT.emulator().faults().ratio(0.05).onPath("/v1/batch").status(429).retryAfterSeconds(0);
        SEGMENT.emulator().faults().ratio(0.04).onPath("/v1/batch").status(429).retryAfterSeconds(1);
        SEGMENT.emulator().faults().ratio(0.05).onPath("/v1/batch").connectionReset();
        String uri = "segment:track?writeKey=RAW(" + DEMO_WRITE_KEY + ")&trackingUrl=" + SEGMENT.trackingUrl() + "&"
                     + OPTIONS;

        long start = System.nanoTime();
        List<String> messageIds = sendFromCallers(uri);
        BatchQueue queue = context.getComponent("segment", SegmentComponent.class).batchQueues().open().get(0);
        await(() -> queue.unfinished() == 0 && failed.size() == queue.failedEvents());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<TrackedEvent> arrivals = SEGMENT.emulator().events();
        Set<String> accepted = arrivals.stream().filter(TrackedEvent::accepted).map(TrackedEvent::messageId)
                .collect(Collectors.toSet());
        long duplicates = arrivals.stream().filter(event -> event.dropReason() == DropReason.DUPLICATE_MESSAGE_ID).count();
        List<TrackingRequest> requests = SEGMENT.emulator().trackingRequests();
        long faulted = requests.stream().filter(request -> request.fault() != null).count();
        long batches = requests.stream().map(TrackingRequest::body).distinct().count();
        long arrivedAndFailed = failed.keySet().stream().filter(accepted::contains).count();
        Set<String> accountedFor = new HashSet<>(accepted);
        accountedFor.addAll(failed.keySet());
        LOG.info("lossless background: {} events, {} requests ({} batches, {} retries, {} faulted), {} accepted,"
                 + " {} duplicates, {} failed to the failure endpoint ({} of them also accepted), {} ms",
                EVENTS, requests.size(), batches, requests.size() - batches, faulted, accepted.size(), duplicates,
                failed.size(), arrivedAndFailed, took.toMillis());

        assertThat(accountedFor).containsAll(messageIds);
        assertThat(accepted.size() + failed.size() - arrivedAndFailed).isEqualTo(EVENTS);
        assertThat(queue.deliveredEvents() + queue.failedEvents()).isEqualTo(EVENTS);
        assertThat(faulted).as("faulted requests").isPositive();
        assertThat(failed.values()).allSatisfy(failure -> assertThat(failure).isInstanceOf(SegmentHttpException.class));
        // Segment dropped nothing as a duplicate it had not been sent twice: a retry resends the same messageIds
        assertThat(arrivals).allSatisfy(event -> assertThat(event.accepted()
                                                            || event.dropReason() == DropReason.DUPLICATE_MESSAGE_ID)
                .isTrue());
    }

    /** Each caller's exchanges complete as soon as queued; their messageIds are the events to account for. */
    private List<String> sendFromCallers(String uri) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<CompletableFuture<List<String>>> perCaller = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int caller = c;
                perCaller.add(CompletableFuture.supplyAsync(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < EVENTS / CALLERS; i++) {
                        String userId = "u-" + caller + "-" + i;
                        Exchange exchange = template.send(uri, ex -> ex.getIn().setHeader(SegmentConstants.USER_ID, userId));
                        assertThat(exchange.getException()).isNull();
                        ids.add(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
                    }
                    return ids;
                }, callers));
            }
            List<String> messageIds = new ArrayList<>();
            for (CompletableFuture<List<String>> ids : perCaller) {
                messageIds.addAll(ids.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            assertThat(messageIds).doesNotHaveDuplicates().hasSize(EVENTS);
            return messageIds;
        } finally {
            callers.shutdownNow();
        }
    }
}
