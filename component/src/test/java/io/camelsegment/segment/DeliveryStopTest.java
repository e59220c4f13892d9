package io.camelsegment.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import io.camelsegment.segment.tracking.BatchQueue;
import org.apache.camel.Exchange;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping with events queued against a slow or stalled Segment: whatever was not delivered before the stop's
 * shutdownTimeout is accounted for, as the exchange's SegmentNotDeliveredException (batched) or at the failure endpoint
 * (background), and several queues share that one timeout.
 */
class DeliveryStopTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStopTest.class);

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension(SegmentEmulator.builder().maxRecorded(0));

    private static final int EVENTS = 5_000;
    private static final long WAIT_SECONDS = 20;
    /** Two requests at a time, each answered after 2 s: 20 batches of 250 need about 20 s, the stop gives 1.5 s. */
    private static final String SLOW_SEGMENT = "event=E&flushCount=250&flushInterval=20&workerPoolSize=2&maxRetries=0"
                                               + "&shutdownTimeout=1500";

    /**
     * shutdownTimeout, a second's grace for the failure endpoint, and the CPU time to end or hand over some 4,000 events
     * on a loaded 2-core machine.
     */
    private static final Duration STOP_BOUND = Duration.ofMillis(1_500 + 1_000 + 3_000);
    /** The same, plus Camel's graceful stop of the failure route, which runs each of those events (CompleteAllTasks). */
    private static final Duration STOP_BOUND_WITH_FAILURE_ROUTE = STOP_BOUND.plusSeconds(3);

    /** Room for every event: seda holds 1,000 by default and refuses the next (FailureEndpoint then logs each at ERROR). */
    private static final String FAILED = "seda:segment-failed?size=" + EVENTS;

    private final Set<String> failedIds = ConcurrentHashMap.newKeySet();

    private static String tracking(String options) {
        return "segment:track?writeKey=RAW(" + DEMO_WRITE_KEY + ")&trackingUrl=" + SEGMENT.trackingUrl() + "&" + options;
    }

    /** Defined first, so Camel stops it after the routes that feed it. */
    private void failureRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(FAILED).routeId("failed").shutdownRunningTask(ShutdownRunningTask.CompleteAllTasks)
                        .process(exchange -> {
                            assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(SegmentException.class);
                            failedIds.add(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
                        });
            }
        });
    }

    private List<BatchQueue> queues() {
        return context.getComponent("segment", SegmentComponent.class).batchQueues().open();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        BoundedWait.until(condition, Duration.ofSeconds(WAIT_SECONDS));
    }

    private static Set<String> acceptedIds() {
        return SEGMENT.emulator().acceptedEvents().stream().map(TrackedEvent::messageId).collect(Collectors.toSet());
    }

    private static Duration timed(ThrowingRunnable stop) throws Exception {
        long start = System.nanoTime();
        stop.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void batchedStopWithFiveThousandQueuedDeliversOrFailsEachExchangeAsNotDelivered() throws Exception {
        SEGMENT.emulator().faults().always().onPath("/v1/batch").delay(Duration.ofSeconds(2));
        String uri = tracking("deliveryMode=batched&" + SLOW_SEGMENT);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String userId = "u-" + i;
            sent.add(template.asyncSend(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId)));
        }
        await(() -> queues().stream().mapToLong(BatchQueue::unfinished).sum() + queues().stream()
                .mapToLong(BatchQueue::deliveredEvents).sum() == EVENTS);
        // Segment answers one batch every 2 s: the stop comes once the first is in, so some are delivered, most not
        await(() -> queues().stream().mapToLong(BatchQueue::deliveredEvents).sum() > 0);

        Duration stop = timed(context::stop);

        List<Exchange> ended = new ArrayList<>();
        for (CompletableFuture<Exchange> exchange : sent) {
            ended.add(exchange.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        Map<String, List<Exchange>> byOutcome = ended.stream().collect(Collectors.groupingBy(
                exchange -> exchange.getException() == null ? "delivered" : exchange.getException().getClass().getSimpleName()));
        List<Exchange> delivered = byOutcome.getOrDefault("delivered", List.of());
        List<Exchange> notDelivered = byOutcome.getOrDefault(SegmentNotDeliveredException.class.getSimpleName(), List.of());
        LOG.info("batched stop: {} events queued, {} delivered before stop returned, {} ended with"
                 + " SegmentNotDeliveredException, stop took {} ms (shutdownTimeout 1500 ms)", EVENTS, delivered.size(),
                notDelivered.size(), stop.toMillis());
        assertThat(byOutcome.keySet()).containsOnly("delivered", SegmentNotDeliveredException.class.getSimpleName());
        assertThat(delivered.size() + notDelivered.size()).isEqualTo(EVENTS);
        assertThat(delivered).isNotEmpty();
        assertThat(notDelivered).isNotEmpty();
        assertThat(acceptedIds()).containsAll(delivered.stream()
                .map(exchange -> exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class)).toList());
        assertThat(stop).isLessThan(STOP_BOUND);
    }

    @Test
    void backgroundStopWithFiveThousandQueuedDeliversOrHandsEachEventToTheFailureEndpoint() throws Exception {
        failureRoute();
        SEGMENT.emulator().faults().always().onPath("/v1/batch").delay(Duration.ofSeconds(2));
        String uri = tracking("deliveryMode=background&failureUri=" + FAILED + "&" + SLOW_SEGMENT);
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String userId = "u-" + i;
            Exchange exchange = template.send(uri, ex -> ex.getIn().setHeader(SegmentConstants.USER_ID, userId));
            assertThat(exchange.getException()).isNull();
            messageIds.add(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
        }
        BatchQueue queue = queues().get(0);
        await(() -> queue.deliveredEvents() > 0); // as above: the first batch is in, the others wait

        Duration stop = timed(context::stop);

        long delivered = queue.deliveredEvents();
        long failed = queue.failedEvents();
        Set<String> accepted = acceptedIds();
        Set<String> accountedFor = new HashSet<>(accepted);
        accountedFor.addAll(failedIds);
        long both = failedIds.stream().filter(accepted::contains).count();
        LOG.info("background stop: {} events queued, {} delivered before stop returned, {} given up on, {} of them received"
                 + " by the failure route ({} of which Segment received all the same), stop took {} ms (shutdownTimeout"
                 + " 1500 ms)", EVENTS, delivered, failed, failedIds.size(), both, stop.toMillis());
        assertThat(delivered + failed).isEqualTo(EVENTS);
        assertThat(failedIds).hasSize((int) failed);
        assertThat(delivered).isPositive();
        assertThat(failed).isPositive();
        assertThat(accountedFor).containsAll(messageIds);
        assertThat(stop).isLessThan(STOP_BOUND_WITH_FAILURE_ROUTE);
    }

    @Test
    void stoppingFourStalledQueuesTakesOneShutdownTimeoutNotFour() throws Exception {
        SEGMENT.emulator().faults().always().onPath("/v1/batch").delay(Duration.ofSeconds(20));
        String uri = tracking("event=E&deliveryMode=background&flushCount=1&shutdownTimeout=1000&maxRetries=0");
        for (int key = 0; key < 4; key++) {
            String writeKey = "wk_tenant_" + key;
            template.send(uri, exchange -> {
                exchange.getIn().setHeader(SegmentConstants.USER_ID, "u-1");
                exchange.getIn().setHeader(SegmentConstants.WRITE_KEY, writeKey);
            });
        }
        // the emulator records a request once it answers it: the queues tell that each sent its event
        await(() -> queues().size() == 4 && queues().stream().allMatch(queue -> queue.unfinished() == 1));
        List<BatchQueue> stalled = queues();

        Duration stop = timed(context::stop);

        assertThat(stop).isGreaterThanOrEqualTo(Duration.ofMillis(1_000)).isLessThan(Duration.ofMillis(2_500));
        assertThat(stalled).allSatisfy(queue -> assertThat(queue.failedEvents()).isEqualTo(1));
    }

    @Test
    void stoppingARouteWhoseProducerHoldsFourStalledQueuesTakesOneShutdownTimeout() throws Exception {
        SEGMENT.emulator().faults().always().onPath("/v1/batch").delay(Duration.ofSeconds(20));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in")
                        .to(tracking("event=E&deliveryMode=background&flushCount=1&shutdownTimeout=1000&maxRetries=0"));
            }
        });
        for (int key = 0; key < 4; key++) {
            String writeKey = "wk_tenant_" + key;
            template.send("direct:in", exchange -> {
                exchange.getIn().setHeader(SegmentConstants.USER_ID, "u-1");
                exchange.getIn().setHeader(SegmentConstants.WRITE_KEY, writeKey);
            });
        }
        await(() -> queues().size() == 4 && queues().stream().allMatch(queue -> queue.unfinished() == 1));
        List<BatchQueue> stalled = queues();

        Duration stop = timed(() -> context.getRouteController().stopRoute("in"));

        assertThat(stop).isGreaterThanOrEqualTo(Duration.ofMillis(1_000)).isLessThan(Duration.ofMillis(2_500));
        assertThat(stalled).allSatisfy(queue -> assertThat(queue.failedEvents()).isEqualTo(1));
        assertThat(queues()).isEmpty();
    }
}
