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
import static org.assertj.core.api.Assertions.assertThat;

/** The route goes on off the threads that send, so what follows the endpoint holds no other send back. */
class RouteContinuationTest extends SegmentTestSupport {

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
