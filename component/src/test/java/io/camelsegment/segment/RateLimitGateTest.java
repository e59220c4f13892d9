package io.camelsegment.segment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.segment.http.RateLimitGate;
import io.camelsegment.segment.tracking.BatchQueue;
import io.camelsegment.segment.tracking.DeliveryStatistics;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rate-limit gate per delivery queue: Segment's 429 with a reset pauses every batch of the queue until the reset,
 * rather than each batch finding the limit alone; direct mode keeps learning it request by request.
 */
class RateLimitGateTest extends SegmentTestSupport {

    private static final long WAIT_SECONDS = 10;
    private static final String BATCHED = "event=E&deliveryMode=batched&flushCount=1&flushInterval=60000&"
                                          + RetryTest.FAST_RETRIES;

    /** The first request whose body holds {@code marker} is answered {@code first}, every other one 200. */
    private static void firstWith(String marker, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        wireMock.stubFor(any(anyUrl()).atPriority(1).withRequestBody(containing(marker)).inScenario(marker)
                .whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("answered"));
    }

    private static void otherwiseOk() {
        wireMock.stubFor(any(anyUrl()).atPriority(5).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    private CompletableFuture<Exchange> track(String uri, String userId) {
        return template.asyncSend(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId));
    }

    private static Exchange ended(CompletableFuture<Exchange> exchange) throws Exception {
        return exchange.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(requests()).hasSizeGreaterThanOrEqualTo(count);
    }

    private void awaitQueued(long events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (statistics().getQueuedEvents() < events && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(statistics().getQueuedEvents()).isEqualTo(events);
    }

    /** Waits until the queue took the 429 in: Segment's answer is logged before the client has read it. */
    private void awaitPaused() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (statistics().getRateLimitPauses() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(statistics().getRateLimitPauses()).isEqualTo(1);
    }

    private DeliveryStatistics statistics() {
        List<BatchQueue> queues = context.getComponent("segment", SegmentComponent.class).batchQueues().open();
        assertThat(queues).hasSize(1);
        return queues.get(0).statistics();
    }

    private static LoggedRequest requestFor(String userId) {
        List<LoggedRequest> found = requests().stream().filter(r -> r.getBodyAsString().contains("\"" + userId + "\""))
                .toList();
        return found.get(found.size() - 1);
    }

    private static Instant at(LoggedRequest request) {
        return request.getLoggedDate().toInstant();
    }

    @Test
    void a429WithRetryAfterHoldsEveryBatchOfTheQueueUntilTheResetThenAllGo() throws Exception {
        firstWith("u-first", aResponse().withStatus(429).withHeader("Retry-After", "1"));
        otherwiseOk();
        String uri = tracking("track", BATCHED);

        CompletableFuture<Exchange> first = track(uri, "u-first");
        awaitRequests(1);
        awaitPaused();
        Instant limited = at(requests().get(0));
        List<CompletableFuture<Exchange>> cutDuringThePause = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cutDuringThePause.add(track(uri, "u-paused-" + i));
        }
        awaitQueued(4);
        long remaining = statistics().getRateLimitRemainingMillis();

        assertThat(remaining).as("the three batches were cut while the gate was closed").isPositive();
        assertThat(ended(first).getException()).isNull();
        for (CompletableFuture<Exchange> paused : cutDuringThePause) {
            assertThat(ended(paused).getException()).isNull();
        }
        assertThat(requests()).hasSize(5);
        // the 429's reset is one second after Segment answered it; nothing of the queue went out before
        assertThat(requests().subList(1, 5)).allSatisfy(request -> assertThat(at(request))
                .isAfterOrEqualTo(limited.plusMillis(1000)));
        assertThat(requestFor("u-paused-0").getHeader("X-Retry-Count")).as("a wait at the gate is no attempt").isNull();
        assertThat(ended(cutDuringThePause.get(0)).getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(ended(first).getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(statistics().getRateLimitPauses()).isEqualTo(1);
        assertThat(statistics().getRetries()).isEqualTo(1);
        assertThat(statistics().getBatchesSent()).isEqualTo(4);
    }

    @Test
    void anXRateLimitResetAloneAlsoPausesTheQueue() throws Exception {
        firstWith("u-first", aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "1"));
        otherwiseOk();
        String uri = tracking("track", BATCHED);

        CompletableFuture<Exchange> first = track(uri, "u-first");
        awaitRequests(1);
        awaitPaused();
        Instant limited = at(requests().get(0));
        CompletableFuture<Exchange> paused = track(uri, "u-paused");

        assertThat(ended(paused).getException()).isNull();
        assertThat(ended(first).getException()).isNull();
        assertThat(at(requestFor("u-paused"))).isAfterOrEqualTo(limited.plusMillis(1000));
        assertThat(statistics().getRateLimitPauses()).isEqualTo(1);
    }

    @Test
    void directModeRequestsLearnOfA429OneByOne() throws Exception {
        firstWith("u-first", aResponse().withStatus(429).withHeader("Retry-After", "2"));
        otherwiseOk();
        String uri = tracking("track", "event=E&" + RetryTest.FAST_RETRIES);

        CompletableFuture<Exchange> first = track(uri, "u-first");
        awaitRequests(1);
        Instant limited = at(requests().get(0));
        Exchange second = ended(track(uri, "u-second"));

        assertThat(second.getException()).isNull();
        assertThat(at(requestFor("u-second"))).isBefore(limited.plusMillis(2000));
        assertThat(ended(first).getException()).isNull();
        assertThat(at(requestFor("u-first"))).isAfterOrEqualTo(limited.plusMillis(2000));
    }

    /**
     * A retry's wait at the gate counts against the retry budget like any wait before a retry: a batch whose 503
     * retry the gate would hold past the budget ends with that 503 at once, rather than after the pause.
     */
    @Test
    void aRetryTheGateWouldHoldPastTheBudgetEndsWithItsLastAnswerAtOnce() throws Exception {
        firstWith("u-slow-503", aResponse().withStatus(503).withFixedDelay(1500));
        firstWith("u-limited", aResponse().withStatus(429).withHeader("Retry-After", "5"));
        otherwiseOk();
        String uri = tracking("track", BATCHED + "&retryBudget=3000");
        // the JVM's first request (connection, class loading) may take seconds on a loaded machine: not this test's
        assertThat(ended(track(uri, "u-warm")).getException()).isNull();

        long start = System.nanoTime();
        CompletableFuture<Exchange> failing = track(uri, "u-slow-503");
        awaitRequests(2);
        CompletableFuture<Exchange> limited = track(uri, "u-limited");
        awaitPaused();

        Exchange failed = ended(failing);
        // its 503 came 1.5 s in; waiting for the gate's reset five seconds in would overrun 3 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
        assertThat(failed.getException()).isInstanceOfSatisfying(SegmentHttpException.class,
                failure -> assertThat(failure.getStatusCode()).isEqualTo(503));
        // the 429's own retry would wait 5 s, past its budget: it ends with the 429
        assertThat(ended(limited).getException()).isInstanceOfSatisfying(SegmentHttpException.class,
                failure -> assertThat(failure.getStatusCode()).isEqualTo(429));
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aBatchHeldAtTheGateBeforeItsFirstAttemptKeepsItsWholeBudget() throws Exception {
        firstWith("u-first", aResponse().withStatus(429).withHeader("Retry-After", "2"));
        firstWith("u-paused", aResponse().withStatus(503).withFixedDelay(2500));
        otherwiseOk();
        String uri = tracking("track", BATCHED + "&retryBudget=4000");
        // the JVM's first request (connection, class loading) may take seconds on a loaded machine: not this test's
        assertThat(ended(track(uri, "u-warm")).getException()).isNull();

        CompletableFuture<Exchange> first = track(uri, "u-first");
        awaitRequests(2);
        awaitPaused();
        CompletableFuture<Exchange> paused = track(uri, "u-paused");

        // held about 2 s, then answered 503 after 2.5 s and retried: counted from the send, 4.5 s would be past its
        // 4 s budget; counted from its first attempt, as it is, it is not
        Exchange exchange = ended(paused);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(ended(first).getException()).isNull();
    }

    @Test
    void aLaterResetLengthensAPauseAndAnEarlierOneNeverShortensIt() {
        MutableClock clock = new MutableClock();
        RateLimitGate gate = RateLimitGate.of(clock);

        gate.rateLimited(Duration.ofSeconds(2));
        gate.rateLimited(Duration.ofSeconds(1));
        assertThat(gate.remaining()).isEqualTo(Duration.ofSeconds(2));
        gate.rateLimited(Duration.ofSeconds(5));
        assertThat(gate.remaining()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gate.pauses()).as("one pause, lengthened").isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(gate.remaining()).isZero();
        gate.rateLimited(Duration.ofMillis(300));
        assertThat(gate.pauses()).isEqualTo(2);
        gate.rateLimited(Duration.ZERO);
        assertThat(gate.pauses()).as("Retry-After: 0 is no pause").isEqualTo(2);
    }

    @Test
    void aDirectModeGateNeverCloses() {
        RateLimitGate gate = RateLimitGate.never();

        gate.rateLimited(Duration.ofSeconds(30));

        assertThat(gate.remaining()).isZero();
        assertThat(gate.pauses()).isZero();
    }

    @Test
    void aRetryAfterDateIsHonouredLikeSeconds() throws Exception {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        firstWith("u-first", aResponse().withStatus(429).withHeader("Retry-After", inTwoSeconds));
        otherwiseOk();
        String uri = tracking("track", BATCHED);

        CompletableFuture<Exchange> first = track(uri, "u-first");
        awaitRequests(1);
        awaitPaused();
        CompletableFuture<Exchange> paused = track(uri, "u-paused");

        assertThat(ended(paused).getException()).isNull();
        assertThat(ended(first).getException()).isNull();
        // an HTTP date has whole seconds: the reset is at least one second after the 429
        assertThat(at(requestFor("u-paused"))).isAfter(at(requests().get(0)).plusMillis(900));
        assertThat(statistics().getRateLimitPauses()).isEqualTo(1);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

}
