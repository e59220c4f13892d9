package io.camelsegment.segment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.camelsegment.segment.http.RouteThreads;
import io.camelsegment.segment.http.SharedTransport;
import io.camelsegment.segment.http.SharedTransports;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Producers with the same HTTP settings share one transport (client, connection pool, threads), closed with the last. */
class SharedTransportsTest extends SegmentTestSupport {

    private final RecordingConfigurer recorder = new RecordingConfigurer(false);

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("recorder", recorder);
    }

    @BeforeEach
    void segmentAccepts() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true,\"data\":{}}")));
    }

    private SharedTransports transports() {
        return context.getComponent("segment", SegmentComponent.class).transports();
    }

    private void routes(String... uris) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < uris.length; i++) {
                    from("direct:" + i).routeId("r" + i).to(uris[i]);
                }
            }
        });
    }

    /** An exchange handed to a started producer of its own, and the latch its callback opens. */
    private record Sent(AsyncProducer producer, Exchange exchange, CountDownLatch done) {

        boolean endedWithin(long seconds) throws InterruptedException {
            return done.await(seconds, TimeUnit.SECONDS);
        }
    }

    private AsyncProducer started(String uri) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        return producer;
    }

    private Sent send(AsyncProducer producer) {
        Sent sent = new Sent(producer, new DefaultExchange(context), new CountDownLatch(1));
        producer.process(sent.exchange(), doneSync -> sent.done().countDown());
        return sent;
    }

    private static void awaitRequests(int count) throws InterruptedException {
        for (int waited = 0; requests().size() < count && waited < 5000; waited += 10) {
            Thread.sleep(10);
        }
        assertThat(requests()).hasSize(count);
    }

    private static long segmentThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains("Segment")).count();
    }

    @Test
    void fiftyTenantEndpointsShareOneTransportAndItsThreads() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tenant").toD("segment:track?event=E&userId=u&workerPoolSize=4&writeKey=${header.tenantKey}"
                                          + "&trackingUrl=" + trackingUrl());
            }
        });
        long before = segmentThreads();

        List<Exchange> sent = IntStream.range(0, 50).boxed().flatMap(tenant -> IntStream.range(0, 3)
                .mapToObj(i -> template.request("direct:tenant",
                        e -> e.getIn().setHeaders(new HashMap<>(Map.of("tenantKey", "wk-tenant-" + tenant))))))
                .toList();

        assertThat(sent).allMatch(exchange -> exchange.getException() == null);
        assertThat(requests()).hasSize(150);
        assertThat(transports().open()).hasSize(1);
        // 4 threads that send, and as many that continue the routes
        assertThat(segmentThreads() - before).isLessThanOrEqualTo(2 * 4);
    }

    @Test
    void fourEndpointsAndTwoProducerTemplatesWithTheSameSettingsUseOneTransport() throws Exception {
        routes(tracking("track", "userId=u&event=A"), tracking("identify", "userId=u"),
                tracking("page", "userId=u&name=Home"), publicApi("getDestination", "destinationId=d-1"));
        ProducerTemplate first = context.createProducerTemplate();
        ProducerTemplate second = context.createProducerTemplate();

        IntStream.range(0, 4).forEach(i -> template.sendBody("direct:" + i, null));
        first.sendBody(tracking("track", "userId=u&event=First"), null);
        second.sendBody(tracking("track", "userId=u&event=Second"), null);

        assertThat(requests()).hasSize(6);
        assertThat(transports().open()).hasSize(1);
        assertThat(transports().users().values()).containsExactly(6);
        first.stop();
        second.stop();
    }

    @ParameterizedTest(name = "{0} gets a transport of its own")
    @ValueSource(strings = { "responseTimeout=5000", "connectTimeout=2000", "httpClientConfigurer=#recorder",
                             "maxConnections=5", "maxConnectionsPerRoute=5", "workerPoolSize=3" })
    void differentHttpSettingsGetDifferentTransports(String option) throws Exception {
        routes(tracking("track", "userId=u&event=E"), tracking("track", "userId=u&event=E&" + option));

        template.sendBody("direct:0", null);
        template.sendBody("direct:1", null);

        assertThat(requests()).hasSize(2);
        assertThat(transports().users().values()).containsExactly(1, 1);
    }

    @Test
    void endpointsNamingTheSameConfigurerBeanShareOneTransport() throws Exception {
        routes(tracking("track", "userId=u&event=A&httpClientConfigurer=#recorder"),
                tracking("identify", "userId=u&httpClientConfigurer=#recorder"));

        template.sendBody("direct:0", null);
        template.sendBody("direct:1", null);

        assertThat(recorder.uris).hasSize(2);
        assertThat(transports().users().values()).containsExactly(2);
    }

    @Test
    void theConnectionPoolIsSizedByTheOptionsAndSendsWithoutDelay() throws Exception {
        routes(tracking("track", "userId=u&event=E&maxConnections=7&maxConnectionsPerRoute=3"));

        template.sendBody("direct:0", null);

        SharedTransport transport = transports().open().get(0);
        assertThat(transport.connections().getMaxTotal()).isEqualTo(7);
        assertThat(transport.connections().getDefaultMaxPerRoute()).isEqualTo(3);
        assertThat(transport.connections().getDefaultSocketConfig().isTcpNoDelay()).isTrue();
    }

    @Test
    void continuationsWaitForARouteThreadRatherThanRunOnTheThreadThatHandsThemOver() throws Exception {
        routes(tracking("track", "userId=u&event=E&workerPoolSize=1"));
        RouteThreads routeThreads = transports().open().get(0).routeThreads();
        CountDownLatch release = new CountDownLatch(1);
        routeThreads.execute(() -> awaitQuietly(release));
        Thread handingOver = Thread.currentThread();
        AtomicInteger ranOnTheHandingThread = new AtomicInteger();

        for (int i = 0; i < 2000; i++) {
            routeThreads.execute(() -> {
                if (Thread.currentThread() == handingOver) {
                    ranOnTheHandingThread.incrementAndGet();
                }
            });
        }
        release.countDown();

        assertThat(ranOnTheHandingThread).hasValue(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void stoppingOneRouteLeavesTheSharedTransportToTheOthers() throws Exception {
        routes(tracking("track", "userId=u&event=A"), tracking("track", "userId=u&event=B"));
        template.sendBody("direct:0", null);

        context.getRouteController().stopRoute("r0");
        context.removeRoute("r0");
        Exchange afterwards = template.request("direct:1", e -> e.getIn().setBody(null));

        assertThat(afterwards.getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void theLastProducerToStopClosesTheTransport() throws Exception {
        routes(tracking("track", "userId=u&event=A"), tracking("track", "userId=u&event=B"));
        SharedTransport transport = transports().open().get(0);

        context.getRouteController().stopRoute("r0");
        assertThat(transport.isClosed()).isFalse();
        assertThat(transports().users().values()).containsExactly(1);
        context.getRouteController().stopRoute("r1");

        assertThat(transport.isClosed()).isTrue();
        assertThat(transports().open()).isEmpty();
    }

    @Test
    void stoppingTheComponentClosesATransportAProducerStillHolds() throws Exception {
        AsyncProducer producer = context.getEndpoint(tracking("track", "userId=u&event=E")).createAsyncProducer();
        producer.start();
        SharedTransport transport = transports().open().get(0);

        context.getComponent("segment", SegmentComponent.class).stop();

        assertThat(transport.isClosed()).isTrue();
        producer.stop();
        assertThat(transports().open()).isEmpty();
    }

    @Test
    void aProducerStopEndsOnlyItsOwnExchangesOnTheSharedTransport() throws Exception {
        wireMock.stubFor(post(urlEqualTo("/v1/track")).withRequestBody(matchingJsonPath("$.event", equalTo("A")))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        wireMock.stubFor(post(urlEqualTo("/v1/track")).withRequestBody(matchingJsonPath("$.event", equalTo("B")))
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}").withFixedDelay(1000)));
        Sent waitingForARetry = send(started(tracking("track", "userId=u&event=A&maxRetries=3")));
        awaitRequests(1);
        Sent inFlight = send(started(tracking("track", "userId=u&event=B")));
        awaitRequests(2);
        assertThat(transports().users().values()).containsExactly(2);

        waitingForARetry.producer().stop();

        assertThat(waitingForARetry.endedWithin(5)).isTrue();
        assertThat(waitingForARetry.exchange().getException()).isInstanceOf(SegmentHttpException.class)
                .hasMessageContaining("was abandoned");
        assertThat(inFlight.endedWithin(5)).isTrue();
        assertThat(inFlight.exchange().getException()).isNull();
        assertThat(transports().users().values()).containsExactly(1);
        inFlight.producer().stop();
    }

    @Test
    void aStoppedProducersAttemptIsCutSoItHoldsNoSharedThread() throws Exception {
        wireMock.stubFor(post(urlEqualTo("/v1/track")).withRequestBody(matchingJsonPath("$.event", equalTo("Slow")))
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        AsyncProducer other = started(tracking("track", "userId=u&event=Next&workerPoolSize=1"));
        Sent slow = send(started(tracking("track", "userId=u&event=Slow&workerPoolSize=1")));
        awaitRequests(1);
        assertThat(transports().users().values()).containsExactly(2);
        slow.producer().stop();

        // the only worker thread would be stuck for 10 s if the abandoned attempt went on
        Sent next = send(other);

        assertThat(next.endedWithin(5)).isTrue();
        assertThat(next.exchange().getException()).isNull();
        next.producer().stop();
    }
}
