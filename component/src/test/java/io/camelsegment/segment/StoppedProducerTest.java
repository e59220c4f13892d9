package io.camelsegment.segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelsegment.segment.http.RouteThreads;
import io.camelsegment.segment.tracking.FailedEvents.FailedEvent;
import io.camelsegment.segment.tracking.MessageEncoder;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** What a stop leaves behind: a stopped producer takes nothing more, and hand-overs a stop cuts are logged one by one. */
class StoppedProducerTest extends SegmentTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "direct", "batched", "background" })
    void aStoppedProducerRefusesAnEventWithoutSendingOrQueueingIt(String mode) throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        AsyncProducer producer = context.getEndpoint(tracking("track", "userId=u&event=E&deliveryMode=" + mode))
                .createAsyncProducer();
        producer.start();
        producer.stop();
        Exchange exchange = new DefaultExchange(context);
        CountDownLatch done = new CountDownLatch(1);

        boolean doneSync = producer.process(exchange, sync -> done.countDown());

        assertThat(doneSync).isTrue();
        assertThat(done.getCount()).isZero();
        assertThat(exchange.getException()).isInstanceOf(SegmentNotDeliveredException.class)
                .hasMessage("Segment track was not sent: the producer has stopped");
        assertThat(context.getComponent("segment", SegmentComponent.class).batchQueues().open()).isEmpty();
        assertThat(requests()).isEmpty();
    }

    @Test
    void anEventNeedingANewQueueWhileTheContextStopsFailsInsteadOfJoiningAQueueNothingDrains() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        AsyncProducer producer = context.getEndpoint(tracking("track", "userId=u&event=E&deliveryMode=background"))
                .createAsyncProducer();
        producer.start();
        Exchange duringStop = new DefaultExchange(context);
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                producer.process(duringStop, doneSync -> {
                });
            }
        });

        context.stop();

        assertThat(duringStop.getException()).isInstanceOf(SegmentNotDeliveredException.class)
                .hasMessage("The event was not queued: the CamelContext is stopping, and no new Segment delivery queue opens");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aCallerWaitingForRoomWhenTheStopsDeadlinePassesIsRefusedRatherThanQueuedForNothing() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        String uri = tracking("track", "userId=u&event=E&deliveryMode=background&queueCapacity=1&flushCount=1"
                                       + "&queueFullPolicy=block&queueFullTimeout=5000&shutdownTimeout=300");
        template.sendBody(uri, null); // its batch waits for an answer that does not come in time
        CompletableFuture<Exchange> waitingForRoom = template.asyncSend(uri, e -> e.getIn().setBody(null));
        BoundedWait.until(() -> requests().size() == 1, Duration.ofSeconds(5));

        context.getComponent("segment", SegmentComponent.class).batchQueues().prepareStop();

        assertThat(waitingForRoom.get(5, TimeUnit.SECONDS).getException())
                .isInstanceOf(SegmentNotDeliveredException.class)
                .hasMessageEndingWith("was not queued: Segment delivery is stopping, and its shutdownTimeout has passed");
    }

    @Test
    void eventsWhoseHandOverAStopCutAreEachLoggedWithTheirMessageId() throws Exception {
        ExecutorService failureThread = context.getExecutorServiceManager().newSingleThreadExecutor(this, "SegmentFailure");
        CountDownLatch release = new CountDownLatch(1);
        failureThread.execute(() -> awaitQuietly(release)); // a failure route still busy with an earlier batch
        AsyncProducer failed = context.getEndpoint("mock:failed").createAsyncProducer();
        FailureEndpoint endpoint = new FailureEndpoint(failed, new RouteThreads(failureThread, 1));
        CompletableFuture<Void> taken = endpoint.take(List.of(failedEvent("m-1"), failedEvent("m-2")));

        try (CapturedLog log = CapturedLog.of("io.camelsegment.segment")) {
            FailureEndpoint.cutByStop(failureThread.shutdownNow());

            assertThat(log.at(Level.ERROR)).hasSize(2).allMatch(line -> line.contains("the CamelContext stopped"))
                    .anyMatch(line -> line.contains("background event m-1 "))
                    .anyMatch(line -> line.contains("background event m-2 "));
        } finally {
            release.countDown();
        }
        assertThat(taken).isCompleted();
    }

    private static FailedEvent failedEvent(String messageId) {
        byte[] json = ("{\"type\":\"track\",\"messageId\":\"" + messageId + "\"}").getBytes(StandardCharsets.UTF_8);
        return new FailedEvent(new MessageEncoder.Encoded(messageId, json), new SegmentHttpException("Segment answered 503",
                503, List.of(), true, 4, null));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
