package io.camelsegment.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelsegment.segment.tracking.BatchQueue;
import io.camelsegment.segment.tracking.BatchQueues;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** The batched engine as a whole: Segment's item cap per batch, one queue and pool for all senders, routes off its threads. */
class BatchedDeliveryEngineTest extends SegmentTestSupport {

    private static final long WAIT_SECONDS = 20;

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
    }

    private static List<Exchange> ended(List<CompletableFuture<Exchange>> sent) throws Exception {
        return ended(sent, WAIT_SECONDS);
    }


    private static CompletableFuture<Exchange> track(ProducerTemplate template, String uri, String userId) {
        return template.asyncSend(uri, exchange -> exchange.getIn().setHeader(SegmentConstants.USER_ID, userId));
    }

    @Test
    void moreBatchesThanCamelsDefaultPoolQueueHoldsAreAllSent() throws Exception {
        // a batch a message, each with a flush timer far off: Camel's default pool refuses its 1,001st waiting task
        String uri = tracking("track", "event=E&deliveryMode=batched&flushCount=1&flushInterval=600000");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            sent.add(track(template, uri, "u" + i));
        }

        assertThat(ended(sent)).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(requests()).hasSize(1200);
    }

    @Test
    void aBatchNeverCarriesMoreThanSegments2500Items() throws Exception {
        String uri = tracking("track", "event=E&deliveryMode=batched&flushCount=2500&flushInterval=60000");
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 2600; i++) {
            sent.add(track(template, uri, "u" + i));
        }
        BatchQueues queues = context.getComponent("segment", SegmentComponent.class).batchQueues();
        awaitQueued(queues, 2600);

        queues.open().forEach(BatchQueue::flush);

        assertThat(ended(sent)).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(requests()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(request -> {
            assertThat(items(request).size()).isLessThanOrEqualTo(2500);
            assertThat(request.getBody().length).isLessThanOrEqualTo(512_000);
        });
        assertThat(requests().stream().mapToInt(request -> items(request).size()).sum()).isEqualTo(2600);
    }

    /** Waits, bounded, until {@code events} are queued or sent: they show no sign of themselves on the wire yet. */
    private static void awaitQueued(BatchQueues queues, long events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (queues.open().get(0).statistics().getQueuedEvents() + queues.open().get(0).statistics().getEventsDelivered()
               < events && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void fourEndpointsAndTwoProducerTemplatesShareOneQueueAndOneConnectionPool() throws Exception {
        ProducerTemplate first = context.createProducerTemplate();
        ProducerTemplate second = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int endpoint = 1; endpoint <= 4; endpoint++) {
            String uri = tracking("track", "event=E" + endpoint + "&deliveryMode=batched&flushCount=8&flushInterval=60000");
            sent.add(track(first, uri, "first-" + endpoint));
            sent.add(track(second, uri, "second-" + endpoint));
        }

        assertThat(ended(sent)).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        SegmentComponent component = context.getComponent("segment", SegmentComponent.class);
        BatchQueues queues = component.batchQueues();
        assertThat(queues.open()).hasSize(1);
        assertThat(queues.users().values()).as("8 producers: 4 endpoints in 2 templates").containsExactly(8);
        assertThat(component.transports().open()).as("one connection pool").hasSize(1);
        assertThat(queues.open().get(0).statistics().getBatchesSent()).isEqualTo(1);
        assertThat(requests()).hasSize(1);
        assertThat(items(requests().get(0))).extracting(item -> item.get("userId")).containsExactlyInAnyOrder(
                "first-1", "second-1", "first-2", "second-2", "first-3", "second-3", "first-4", "second-4");
        first.stop();
        second.stop();
    }

    @Test
    void aSlowStepAfterABatchedEndpointDoesNotDelayTheNextBatch() throws Exception {
        CountDownLatch slowStepStarted = new CountDownLatch(1);
        AtomicReference<Instant> slowStepEnded = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one thread to send with: a route going on on it would hold the next batch until the slow step ends
                from("direct:send")
                        .to(tracking("track", "userId=u&event=E&deliveryMode=batched&flushCount=1&workerPoolSize=1"))
                        .process(exchange -> {
                            if (exchange.getIn().getHeader("slow", false, Boolean.class)) {
                                slowStepStarted.countDown();
                                Thread.sleep(500);
                                slowStepEnded.set(Instant.now());
                            }
                        });
            }
        });

        CompletableFuture<Exchange> slow = template.asyncSend("direct:send", e -> e.getIn().setHeader("slow", true));
        assertThat(slowStepStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Exchange> next = template.asyncSend("direct:send", e -> e.getIn().setBody(null));

        assertThat(slow.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(next.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(requests()).hasSize(2);
        assertThat(requests().get(1).getLoggedDate().toInstant()).isBefore(slowStepEnded.get());
    }
}
