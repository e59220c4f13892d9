package io.camelsegment.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.camelsegment.segment.tracking.BatchQueue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A delivery queue holds at most queueCapacity events and queueCapacityBytes encoded bytes; one more is refused at once
 * (queueFullPolicy=fail) or waits in its caller's thread for room (block), and a stop wakes whoever waits.
 */
class QueueBoundsTest extends SegmentTestSupport {

    private static final long WAIT_SECONDS = 10;
    /** Nothing leaves the queue unless a test flushes it. */
    private static final String HELD = "event=E&flushCount=100&flushInterval=60000";

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    private Exchange track(String uri, String userId) {
        return template.send(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId));
    }

    private Exchange trackPadded(String uri, int pad) {
        return template.send(uri, exchange -> exchange.getIn()
                .setBody(Map.of("userId", "u-1", "properties", Map.of("pad", "x".repeat(pad)))));
    }

    /** A caller on a thread of its own, as a route's consumer thread would be. */
    private CompletableFuture<Exchange> trackFromAnotherThread(String uri, String userId) {
        return CompletableFuture.supplyAsync(() -> track(uri, userId), callers);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        BoundedWait.until(condition, Duration.ofSeconds(WAIT_SECONDS));
    }

    /** The caller is parked in the queue, waiting for room: its thread waits with a timeout. */
    private void awaitParkedCaller() throws InterruptedException {
        await(() -> Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(thread -> thread.getKey().getState() == Thread.State.TIMED_WAITING
                                    && java.util.Arrays.stream(thread.getValue())
                                            .anyMatch(frame -> frame.getMethodName().equals("awaitRoom"))));
    }

    @Test
    void theByteBoundRefusesAnEventThatWouldPassIt() {
        String uri = tracking("track", HELD + "&deliveryMode=background&queueCapacityBytes=32768");

        Exchange first = trackPadded(uri, 12_000);
        Exchange second = trackPadded(uri, 12_000);
        Exchange third = trackPadded(uri, 12_000);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(third.getException()).isInstanceOf(SegmentQueueFullException.class)
                .hasMessageContaining("would pass queueCapacityBytes=32768");
        assertThat(onlyQueue().unfinished()).isEqualTo(2);
        assertThat(onlyQueue().unfinishedBytes()).isBetween(24_000L, 32_768L);
        assertThat(requests()).isEmpty();
    }

    @Test
    void aQueueCapacityBytesBelowOneLargestMessageIsRefusedWhenTheProducerStarts() {
        assertThatThrownBy(() -> track(tracking("track", HELD + "&deliveryMode=batched&queueCapacityBytes=1000"), "u-1"))
                .hasStackTraceContaining("queueCapacityBytes must be at least 32768");
    }

    @Test
    void aBlockedCallerGoesOnOnceRoomAppears() throws Exception {
        String uri = tracking("track", HELD + "&deliveryMode=background&queueCapacity=1&queueFullPolicy=block"
                                       + "&queueFullTimeout=" + TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(track(uri, "u-1").getException()).isNull();

        CompletableFuture<Exchange> waiting = trackFromAnotherThread(uri, "u-2");
        awaitParkedCaller();
        assertThat(waiting).isNotDone();
        onlyQueue().flush(); // u-1 leaves, Segment accepts it, and its room goes to u-2

        Exchange second = waiting.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(second.getException()).isNull();
        assertThat(onlyQueue().unfinished()).isEqualTo(1);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aCallerBlockedByTheByteBoundGoesOnOnceTheBytesLeave() throws Exception {
        String uri = tracking("track", HELD + "&deliveryMode=background&queueCapacityBytes=32768&queueFullPolicy=block"
                                       + "&queueFullTimeout=" + TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(trackPadded(uri, 12_000).getException()).isNull();
        assertThat(trackPadded(uri, 12_000).getException()).isNull();

        CompletableFuture<Exchange> waiting = CompletableFuture.supplyAsync(() -> trackPadded(uri, 12_000), callers);
        awaitParkedCaller();
        assertThat(waiting).isNotDone();
        assertThat(onlyQueue().unfinished()).isEqualTo(2);
        onlyQueue().flush();

        assertThat(waiting.get(WAIT_SECONDS, TimeUnit.SECONDS).getException()).isNull();
        assertThat(onlyQueue().unfinishedBytes()).isBetween(12_000L, 32_768L);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aBlockedCallerThatFindsNoRoomInTimeGetsTheTypedException() {
        String uri = tracking("track", HELD + "&deliveryMode=background&queueCapacity=1&queueFullPolicy=block"
                                       + "&queueFullTimeout=200");
        track(uri, "u-1");

        long start = System.nanoTime();
        Exchange refused = track(uri, "u-2");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(refused.getException()).isInstanceOf(SegmentQueueFullException.class)
                .hasMessageContaining("queueCapacity=1").hasMessageContaining("stayed full for queueFullTimeout=200 ms");
        assertThat(onlyQueue().unfinished()).isEqualTo(1);
    }

    @Test
    void aStopWakesABlockedCallerWithNotDelivered() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
        String uri = tracking("track", "event=E&deliveryMode=batched&flushCount=1&queueCapacity=1&queueFullPolicy=block"
                                       + "&queueFullTimeout=30000&shutdownTimeout=200&responseTimeout=30000");
        CompletableFuture<Exchange> inFlight = template.asyncSend(uri,
                exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, "u-1"));
        await(() -> requests().size() == 1);
        CompletableFuture<Exchange> waiting = trackFromAnotherThread(uri, "u-2");
        awaitParkedCaller();

        long start = System.nanoTime();
        context.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(waiting.get(WAIT_SECONDS, TimeUnit.SECONDS).getException())
                .isInstanceOf(SegmentNotDeliveredException.class).hasMessageContaining("was not queued");
        assertThat(inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS).getException())
                .isInstanceOf(SegmentNotDeliveredException.class).hasMessageContaining("was not delivered");
    }

    @Test
    void aStalledServerHoldsTheBoundAndTheContextStillStops() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
        MockEndpoint failed = getMockEndpoint("mock:failed");
        int capacity = 50;
        long capacityBytes = 40_000;
        String uri = tracking("track", "event=E&deliveryMode=background&flushCount=10&flushInterval=10&queueCapacity="
                                       + capacity + "&queueCapacityBytes=" + capacityBytes
                                       + "&shutdownTimeout=300&responseTimeout=30000&failureUri=mock:failed");
        track(uri, "u-first");
        BatchQueue queue = onlyQueue();
        AtomicInteger queued = new AtomicInteger(1);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger mostEvents = new AtomicInteger();
        AtomicLong mostBytes = new AtomicLong();
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 100; i++) {
                    Exchange exchange = trackPadded(uri, thread * 100 + i < 400 ? 100 : 2_000);
                    (exchange.getException() instanceof SegmentQueueFullException ? refused : queued).incrementAndGet();
                    mostEvents.accumulateAndGet(queue.unfinished(), Math::max);
                    mostBytes.accumulateAndGet(queue.unfinishedBytes(), Math::max);
                }
            }, callers));
        }
        CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS * 3, TimeUnit.SECONDS);

        assertThat(queued.get() + refused.get()).isEqualTo(801);
        assertThat(refused.get()).isPositive();
        assertThat(mostEvents.get()).isLessThanOrEqualTo(capacity);
        assertThat(mostBytes.get()).isLessThanOrEqualTo(capacityBytes);
        assertThat(queue.unfinished()).isEqualTo(queued.get());

        long start = System.nanoTime();
        context.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failed.getReceivedCounter()).isEqualTo(queued.get());
        assertThat(queue.failedEvents()).isEqualTo(queued.get());
        assertThat(failed.getReceivedExchanges()).allSatisfy(exchange -> assertThat(
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOf(SegmentNotDeliveredException.class));
    }

    @Test
    void aRouteThatStopsWakesNoOneItDidNotBlock() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to(tracking("track", HELD + "&deliveryMode=background"));
            }
        });
        assertThat(track("direct:in", "u-1").getException()).isNull();

        context.getRouteController().stopRoute("in");

        assertThat(requests()).hasSize(1);
    }
}
