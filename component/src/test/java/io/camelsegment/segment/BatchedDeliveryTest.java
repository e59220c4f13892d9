package io.camelsegment.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelsegment.segment.tracking.BatchQueue;
import io.camelsegment.segment.tracking.BatchQueues;
import io.camelsegment.segment.tracking.MessageEncoder;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deliveryMode=batched: exchanges' messages share /v1/batch requests, and each exchange ends when the batch holding its
 * message is accepted or finally fails, or when a stop gives up on it.
 */
class BatchedDeliveryTest extends SegmentTestSupport {

    /** Nothing is sent before the count is reached, unless a test says otherwise. */
    private static final String BY_COUNT = "deliveryMode=batched&flushInterval=60000";
    private static final long WAIT_SECONDS = 10;

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    private CompletableFuture<Exchange> track(String uri, String userId) {
        return track(uri, userId, Map.of());
    }

    private CompletableFuture<Exchange> track(String uri, String userId, Map<String, Object> headers) {
        return template.asyncSend(uri, exchange -> {
            exchange.getIn().setHeader(SegmentConstants.USER_ID, userId);
            exchange.getIn().getHeaders().putAll(headers);
        });
    }

    private CompletableFuture<Exchange> trackBody(String uri, Object body) {
        return template.asyncSend(uri, exchange -> exchange.getIn().setBody(body));
    }

    private static List<Exchange> ended(List<CompletableFuture<Exchange>> sent) throws Exception {
        return ended(sent, WAIT_SECONDS);
    }


    private static List<String> messageIds(LoggedRequest request) {
        return items(request).stream().map(item -> (String) item.get("messageId")).toList();
    }

    private BatchQueues queues() {
        return context.getComponent("segment", SegmentComponent.class).batchQueues();
    }

    /** Polls the engine, bounded: queued events show no sign of themselves on the wire. */
    private void awaitQueued(int events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (queues().open().stream().mapToInt(BatchQueue::unfinished).sum() < events && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queues().open().stream().mapToInt(BatchQueue::unfinished).sum()).isEqualTo(events);
    }

    private static void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(requests()).hasSize(count);
    }

    @Test
    void aBatchIsSentOnceItHoldsFlushCountEvents() throws Exception {
        String uri = tracking("track", "event=E&flushCount=3&" + BY_COUNT);

        List<Exchange> exchanges = ended(List.of(track(uri, "u-1"), track(uri, "u-2"), track(uri, "u-3")));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v1/batch");
        assertThat(messageIds(request)).hasSize(3);
        for (Exchange exchange : exchanges) {
            assertThat(exchange.getException()).isNull();
            assertThat(messageIds(request)).contains(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
            assertThat(exchange.getMessage().getHeader(SegmentConstants.BATCH_SIZE)).isEqualTo(3);
            assertThat(exchange.getMessage().getHeader(SegmentConstants.HTTP_STATUS)).isEqualTo(200);
            assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(1);
        }
    }

    @Test
    void aBatchIsSentFlushIntervalAfterItsFirstEvent() throws Exception {
        String uri = tracking("track", "event=E&deliveryMode=batched&flushCount=100&flushInterval=200");

        List<Exchange> exchanges = ended(List.of(track(uri, "u-1"), track(uri, "u-2")));

        assertThat(messageIds(onlyRequest())).hasSize(2);
        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
    }

    /** Events whose messages are exactly {@code sizes} bytes long once encoded. */
    private List<CompletableFuture<Exchange>> trackSized(String uri, int... sizes) throws Exception {
        int probePad = 100;
        ended(List.of(trackBody(uri.replace("flushCount=16", "flushCount=1"), sized(99, probePad))));
        long probeSize = requests().get(0).getBody().length - MessageEncoder.batchBytes(1, 0);
        wireMock.resetRequests();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            sent.add(trackBody(uri, sized(i, (int) (probePad + sizes[i] - probeSize))));
        }
        return sent;
    }

    /** Every field of the same length whatever {@code n}, so only the padding changes the size. */
    private static Map<String, Object> sized(int n, int pad) {
        return Map.of("userId", "u-1", "event", "E", "messageId", String.format("m-%02d", n),
                "timestamp", "2024-01-01T00:00:00.000Z", "properties", Map.of("pad", "x".repeat(pad)));
    }

    private static int[] sizes(int count, int each, int last) {
        int[] sizes = new int[count];
        java.util.Arrays.fill(sizes, each);
        sizes[count - 1] = last;
        return sizes;
    }

    @Test
    void aBatchOfExactlyFiveHundredKilobytesGoesWhole() throws Exception {
        String uri = tracking("track", "flushCount=16&" + BY_COUNT);
        // 15 × 31,996 + 31,997 bytes of messages, 15 commas and the envelope: 512,000 bytes
        ended(trackSized(uri, sizes(16, 31996, 31997)));

        LoggedRequest request = onlyRequest();
        assertThat(request.getBody()).hasSize(MessageEncoder.MAX_BATCH_BYTES);
        assertThat(items(request)).hasSize(16);
    }

    @Test
    void oneByteMoreSplitsTheBatch() throws Exception {
        String uri = tracking("track", "flushCount=16&deliveryMode=batched&flushInterval=300");

        List<Exchange> exchanges = ended(trackSized(uri, sizes(16, 31996, 31998)));

        assertThat(requests()).hasSize(2);
        assertThat(requests()).allSatisfy(request -> assertThat(request.getBody().length)
                .isLessThanOrEqualTo(MessageEncoder.MAX_BATCH_BYTES));
        assertThat(requests().stream().map(request -> items(request).size())).containsExactlyInAnyOrder(15, 1);
        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
    }

    @Test
    void aMessageOver32KbFailsAloneWhileItsNeighboursArrive() throws Exception {
        String uri = tracking("track", "event=E&flushCount=25&" + BY_COUNT);
        List<CompletableFuture<Exchange>> good = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            good.add(track(uri, "u-" + i));
        }
        Exchange tooBig = template.send(uri, exchange -> exchange.getIn()
                .setBody(Map.of("userId", "u-big", "properties", Map.of("pad", "x".repeat(33 * 1024)))));
        for (int i = 12; i < 25; i++) {
            good.add(track(uri, "u-" + i));
        }

        assertThat(tooBig.getException()).isInstanceOf(SegmentValidationException.class).hasMessageContaining("32768");
        assertThat(ended(good)).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(items(onlyRequest())).hasSize(25).noneMatch(item -> "u-big".equals(item.get("userId")));
    }

    @Test
    void twoWriteKeysNeverShareABatch() throws Exception {
        String uri = tracking("track", "event=E&flushCount=2&" + BY_COUNT);
        Map<String, Object> otherKey = Map.of(SegmentConstants.WRITE_KEY, "wk_other");

        ended(List.of(track(uri, "first-1"), track(uri, "other-1", otherKey), track(uri, "first-2"),
                track(uri, "other-2", otherKey)));

        assertThat(requests()).hasSize(2);
        Map<String, List<String>> usersByAuthorization = requests().stream().collect(Collectors.toMap(
                request -> request.getHeader("Authorization"),
                request -> items(request).stream().map(item -> ((String) item.get("userId")).split("-")[0]).toList()));
        assertThat(usersByAuthorization).hasSize(2);
        assertThat(usersByAuthorization.values()).containsExactlyInAnyOrder(List.of("first", "first"), List.of("other", "other"));
    }

    @Test
    void fourEndpointsWithTheSameWriteKeyShareOneQueue() throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sent.add(track(tracking("track", "event=E" + i + "&flushCount=4&" + BY_COUNT), "u-" + i));
        }

        assertThat(ended(sent)).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(queues().open()).hasSize(1);
        assertThat(queues().users().values()).containsExactly(4);
        assertThat(items(onlyRequest())).extracting(item -> item.get("event"))
                .containsExactlyInAnyOrder("E1", "E2", "E3", "E4");
    }

    @Test
    void a503Then200RetriesTheWholeBatchWithTheSameMessageIds() throws Exception {
        RetryTest.firstThenOk(aResponse().withStatus(503));
        String uri = tracking("track", "event=E&flushCount=3&" + BY_COUNT + "&" + RetryTest.FAST_RETRIES);

        List<Exchange> exchanges = ended(List.of(track(uri, "u-1"), track(uri, "u-2"), track(uri, "u-3")));

        assertThat(requests()).hasSize(2);
        assertThat(requests().get(1).getBodyAsString()).isEqualTo(requests().get(0).getBodyAsString());
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
        });
    }

    @Test
    void aRedeliveryOfAFailedBatchedSendReusesItsMessageId() throws Exception {
        RetryTest.firstThenOk(aResponse().withStatus(500));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0));
                from("direct:in").to(tracking("track", "event=E&flushCount=1&" + BY_COUNT));
            }
        });

        Exchange exchange = ended(List.of(track("direct:in", "u-1"))).get(0);

        assertThat(exchange.getException()).isNull();
        assertThat(requests()).hasSize(2);
        assertThat(messageIds(requests().get(1))).isEqualTo(messageIds(requests().get(0)))
                .containsExactly(exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID, String.class));
    }

    @Test
    void aFinalFailureFailsEveryExchangeOfTheBatch() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        String uri = tracking("track", "event=E&flushCount=3&" + BY_COUNT);

        List<Exchange> exchanges = ended(List.of(track(uri, "u-1"), track(uri, "u-2"), track(uri, "u-3")));

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException())
                .isInstanceOfSatisfying(SegmentHttpException.class, failure -> {
                    assertThat(failure.getStatusCode()).isEqualTo(500);
                    assertThat(failure).hasMessageContaining("a batch of 3 event(s)").hasMessageNotContaining(WRITE_KEY);
                }));
        assertThat(exchanges.stream().map(Exchange::getException).distinct()).hasSize(3);
    }

    @Test
    void aFlushCountOverSegmentsLimitIsRefusedWhenTheProducerStarts() {
        assertThatThrownBy(() -> template.send(tracking("track", "event=E&deliveryMode=batched&flushCount=2501"),
                ex -> ex.getIn().setHeader(SegmentConstants.USER_ID, "u-1")))
                .hasStackTraceContaining("flushCount must be 1 to 2500 but was 2501");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aFullQueueRefusesTheNextEventAtOnce() throws Exception {
        String uri = tracking("track", "event=E&queueCapacity=2&flushCount=100&" + BY_COUNT);
        track(uri, "u-1");
        track(uri, "u-2");
        awaitQueued(2);

        Exchange refused = template.send(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, "u-3"));

        assertThat(refused.getException()).isInstanceOf(SegmentQueueFullException.class)
                .hasMessageContaining("queueCapacity=2");
        assertThat(requests()).isEmpty();
    }

    @Test
    void stoppingSendsWhatIsQueuedBeforeStopReturns() throws Exception {
        String uri = tracking("track", "event=E&flushCount=100&" + BY_COUNT);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(track(uri, "u-" + i));
        }
        awaitQueued(5);

        context.stop();

        assertThat(items(onlyRequest())).hasSize(5);
        assertThat(sent).allSatisfy(exchange -> {
            assertThat(exchange).isDone();
            assertThat(exchange.get().getException()).isNull();
        });
    }

    private List<CompletableFuture<Exchange>> throughRoute(String options, int events) throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to(tracking("track", "event=E&deliveryMode=batched&" + options));
            }
        });
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            sent.add(track("direct:in", "u-" + i));
        }
        awaitQueued(events);
        return sent;
    }

    @Test
    void stoppingTheContextSendsWhatRoutesQueuedWithoutWaitingForTheInterval() throws Exception {
        List<CompletableFuture<Exchange>> sent = throughRoute("flushCount=100&flushInterval=60000", 3);

        long start = System.nanoTime();
        context.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(items(onlyRequest())).hasSize(3);
        assertThat(ended(sent)).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
    }

    @Test
    void stoppingARouteDeliversWhatItQueuedBeforeStopReturns() throws Exception {
        List<CompletableFuture<Exchange>> sent = throughRoute("flushCount=100&flushInterval=1000", 3);

        context.getRouteController().stopRoute("in");

        assertThat(items(onlyRequest())).hasSize(3);
        assertThat(sent).allSatisfy(exchange -> {
            assertThat(exchange).isDone();
            assertThat(exchange.get().getException()).isNull();
        });
    }

    @Test
    void aStalledServerAndAStopEndEveryWaitingExchangeAsNotDelivered() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        String uri = tracking("track", "event=E&flushCount=3&shutdownTimeout=300&" + BY_COUNT);
        List<CompletableFuture<Exchange>> sent = List.of(track(uri, "u-1"), track(uri, "u-2"), track(uri, "u-3"));
        awaitRequests(1);

        long start = System.nanoTime();
        context.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(ended(sent)).allSatisfy(exchange -> assertThat(exchange.getException())
                .isInstanceOf(SegmentNotDeliveredException.class).hasMessageContaining("was not delivered"));
    }

    @Test
    void twoThousandExchangesFromEightThreadsAllCompleteAndEachMessageIdArrivesOnce() throws Exception {
        String uri = tracking("track", "event=E&deliveryMode=batched&flushInterval=50");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<CompletableFuture<List<CompletableFuture<Exchange>>>> perThread = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            perThread.add(CompletableFuture.supplyAsync(() -> {
                List<CompletableFuture<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    sent.add(track(uri, "u-" + thread + "-" + i));
                }
                return sent;
            }, callers));
        }
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (CompletableFuture<List<CompletableFuture<Exchange>>> thread : perThread) {
            sent.addAll(thread.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        callers.shutdown();

        List<Exchange> exchanges = ended(sent);

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        Map<String, Long> arrivals = requests().stream().flatMap(request -> messageIds(request).stream())
                .collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
        assertThat(arrivals).hasSize(2000).allSatisfy((messageId, times) -> assertThat(times).isEqualTo(1));
        assertThat(exchanges.stream().map(exchange -> exchange.getMessage().getHeader(SegmentConstants.MESSAGE_ID)))
                .containsExactlyInAnyOrderElementsOf(arrivals.keySet());
    }
}
