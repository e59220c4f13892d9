package io.camelsegment.segment;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the route goes on after a direct call: in the caller's thread when the first attempt was answered there, as
 * with camel-http; on a route thread, never the worker that sent it, after a retry. Either way, what follows the
 * endpoint holds no other send back.
 */
class RouteContinuationTest extends SegmentTestSupport {

    private final AtomicReference<Thread> continuedIn = new AtomicReference<>();

    @Test
    void aTrackingCallAnsweredAtOnceGoesOnInTheCallersThread() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        routeRecordingItsThread(tracking("track", "userId=u&event=E"));

        Exchange sent = template.send("direct:send", e -> e.getIn().setBody(null));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(continuedIn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void aPublicApiCallAnsweredAtOnceGoesOnInTheCallersThread() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/destinations/d1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":{\"destination\":{\"id\":\"d1\"}}}")));
        routeRecordingItsThread(publicApi("getDestination", "destinationId=d1"));

        Exchange sent = template.send("direct:send", e -> e.getIn().setBody(null));

        assertThat(sent.getException()).isNull();
        assertThat(continuedIn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void aRetriedCallGoesOnInARouteThreadNotInTheWorkerThatSentIt() throws Exception {
        wireMock.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wireMock.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        routeRecordingItsThread(tracking("track", "userId=u&event=E&maxRetries=1&retryInitialDelay=1"));

        Exchange sent = template.send("direct:send", e -> e.getIn().setBody(null));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(continuedIn.get().getName()).contains("SegmentRoute");
    }

    @Test
    void aCallRefusedAtOnceEndsTheExchangeInTheCallersThread() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withBody("{\"success\":false}")));
        AtomicReference<Thread> failedIn = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").onException(SegmentHttpException.class).handled(true)
                        .process(exchange -> failedIn.set(Thread.currentThread())).end()
                        .to(tracking("track", "userId=u&event=E"));
            }
        });

        template.send("direct:send", e -> e.getIn().setBody(null));

        assertThat(failedIn.get()).isSameAs(Thread.currentThread());
        assertThat(requests()).hasSize(1);
    }

    private void routeRecordingItsThread(String segmentUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(segmentUri).process(exchange -> continuedIn.set(Thread.currentThread()));
            }
        });
    }

    @Test
    void aSlowStepAfterTheEndpointDoesNotDelayTheNextSend() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        CountDownLatch slowStepStarted = new CountDownLatch(1);
        AtomicReference<Instant> slowStepEnded = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // one thread to send with: before, the route went on on it, and the next send waited for the slow step
                from("direct:send").to(tracking("track", "userId=u&event=E&workerPoolSize=1")).process(exchange -> {
                    if (exchange.getIn().getHeader("slow", false, Boolean.class)) {
                        slowStepStarted.countDown();
                        Thread.sleep(500);
                        slowStepEnded.set(Instant.now());
                    }
                });
            }
        });

        CompletableFuture<Exchange> first = template.asyncSend("direct:send", e -> e.getIn().setHeader("slow", true));
        assertThat(slowStepStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Exchange> second = template.asyncSend("direct:send", e -> e.getIn().setBody(null));

        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(second.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(requests()).hasSize(2);
        assertThat(requests().get(1).getLoggedDate().toInstant()).isBefore(slowStepEnded.get());
    }
}
