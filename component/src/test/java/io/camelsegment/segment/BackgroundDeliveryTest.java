package io.camelsegment.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelsegment.segment.tracking.BatchQueue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deliveryMode=background: the exchange completes once its message is queued; what Segment finally refuses goes to the
 * failure endpoint (or the log), is counted, and is logged once per batch.
 */
class BackgroundDeliveryTest extends SegmentTestSupport {

    private static final String BACKGROUND = "event=E&deliveryMode=background&flushInterval=60000";
    private static final long WAIT_SECONDS = 10;

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    private Exchange track(String uri, String userId) {
        return template.send(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId));
    }

    private List<Exchange> trackAll(String uri, int events) {
        List<Exchange> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            sent.add(track(uri, "u-" + i));
        }
        return sent;
    }

    private static List<String> messageIds(List<Exchange> exchanges) {
        return exchanges.stream().map(exchange -> exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class))
                .toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        BoundedWait.until(condition, Duration.ofSeconds(WAIT_SECONDS));
    }

    @Test
    void theExchangeCompletesOnceQueuedBeforeSegmentAnswers() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")
                .withFixedDelay(2_000)));
        String uri = tracking("track", "event=E&deliveryMode=background&flushCount=1");

        long start = System.nanoTime();
        Exchange exchange = track(uri, "u-1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exchange.getException()).isNull();
        assertThat(took).isLessThan(Duration.ofMillis(1_500));
        assertThat(exchange.getMessage().getHeaders()).containsKey(SegmentConstants.MESSAGE_ID)
                .doesNotContainKeys(SegmentConstants.HTTP_STATUS, SegmentConstants.BATCH_SIZE);
        BatchQueue queue = onlyQueue();
        await(() -> queue.deliveredEvents() == 1);
        assertThat(json(onlyRequest()).toString())
                .contains(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
    }

    @Test
    void aFailedBatchsEventsReachTheFailureEndpointWithTheirExceptionAndMessageId() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(3);
        String uri = tracking("track", BACKGROUND + "&flushCount=3&failureUri=mock:failed");

        List<Exchange> sent;
        try (CapturedLog log = CapturedLog.of("io.camelsegment.segment")) {
            sent = trackAll(uri, 3);
            failed.assertIsSatisfied(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

            assertThat(log.at(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                    .contains("did not accept 3 background event(s) of a batch of 3", "500", "handed to mock://failed")
                    .doesNotContain(WRITE_KEY));
        }

        assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        List<Exchange> received = failed.getReceivedExchanges();
        assertThat(received).extracting(exchange -> exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID))
                .containsExactlyInAnyOrderElementsOf(messageIds(sent));
        assertThat(received).allSatisfy(exchange -> {
            String messageId = exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class);
            Map<String, Object> message = JSON.readValue(exchange.getMessage().getBody(String.class), Map.class);
            assertThat(message).containsEntry("messageId", messageId).containsEntry("type", "track")
                    .containsEntry("event", "E");
            assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT))
                    .isInstanceOfSatisfying(SegmentHttpException.class, failure -> {
                        assertThat(failure.getStatusCode()).isEqualTo(500);
                        assertThat(failure).hasMessageContaining("a batch of 3 event(s)");
                    });
            assertThat(exchange.getException()).isNull();
        });
        assertThat(received.stream().map(exchange -> exchange.getProperty(Exchange.EXCEPTION_CAUGHT)).distinct()).hasSize(3);
        assertThat(onlyQueue().failedEvents()).isEqualTo(3);
    }

    @Test
    void withoutFailureUriFailedEventsAreLoggedWithTheirMessageIdsAndCounted() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withBody("{\"success\":false,\"message\":\"bad batch\"}")));
        String uri = tracking("track", BACKGROUND + "&flushCount=2");

        try (CapturedLog log = CapturedLog.of("io.camelsegment.segment")) {
            List<Exchange> sent = trackAll(uri, 2);
            BatchQueue queue = onlyQueue();
            await(() -> queue.failedEvents() == 2 && !log.at(Level.WARN).isEmpty());

            assertThat(sent).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
            assertThat(log.at(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                    .contains("did not accept 2 background event(s)", "400", "no failureUri is set")
                    .contains(messageIds(sent)).doesNotContain(WRITE_KEY));
        }
    }

    @Test
    void aFailureEndpointThatRefusesAnEventLogsItAtErrorWithItsMessageId() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        String uri = tracking("track", BACKGROUND + "&flushCount=2&failureUri=direct:nobodyListens?block=false");

        try (CapturedLog log = CapturedLog.of("io.camelsegment.segment")) {
            List<Exchange> sent = trackAll(uri, 2);
            await(() -> log.at(Level.ERROR).size() == 2);

            assertThat(log.at(Level.ERROR)).allSatisfy(line -> assertThat(line)
                    .contains("did not take the background event", "direct://nobodyListens"));
            assertThat(String.join("\n", log.at(Level.ERROR))).contains(messageIds(sent));
            assertThat(onlyQueue().failedEvents()).isEqualTo(2);
        }
    }

    @Test
    void aSlowFailureRouteHoldsNoSendingThread() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slowFailures").process(exchange -> release.await(WAIT_SECONDS, TimeUnit.SECONDS));
            }
        });
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        String uri = tracking("track", BACKGROUND + "&flushCount=1&workerPoolSize=1&failureUri=direct:slowFailures");
        track(uri, "u-1");
        BatchQueue queue = onlyQueue();
        await(() -> queue.failedEvents() == 1);

        // the failure route still holds the first event: the one I/O thread sends the next batches all the same
        trackAll(uri, 3);
        await(() -> requests().size() == 4);
        release.countDown();
        await(() -> queue.failedEvents() == 4);
    }

    @Test
    void theThreadsThatSendAndHandOverNeverHoldTheJvmAtExit() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        track(tracking("track", BACKGROUND + "&flushCount=1&failureUri=mock:failed"), "u-1");
        getMockEndpoint("mock:failed").expectedMessageCount(1);
        getMockEndpoint("mock:failed").assertIsSatisfied(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        List<Thread> ours = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith(" - Segment") || thread.getName().endsWith(" - SegmentRoute")
                                  || thread.getName().endsWith(" - SegmentFailure"))
                .toList();
        assertThat(ours).extracting(thread -> thread.getName().replaceAll(".* - ", "")).contains("Segment", "SegmentFailure");
        assertThat(ours).allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
    }

    @Test
    void aFailureUriThatNamesNoEndpointFailsTheProducersStart() {
        assertThatThrownBy(() -> track(tracking("track", BACKGROUND + "&failureUri=nosuchscheme:x"), "u-1"))
                .hasStackTraceContaining("No endpoint could be found for: nosuchscheme://x");
        assertThat(requests()).isEmpty();
    }
}
