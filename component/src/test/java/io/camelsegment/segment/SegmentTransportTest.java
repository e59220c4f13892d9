package io.camelsegment.segment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelsegment.segment.http.RetryPolicy;
import io.camelsegment.segment.http.SegmentRequest;
import io.camelsegment.segment.http.SegmentResponse;
import io.camelsegment.segment.http.SegmentTransport;
import io.camelsegment.segment.http.SegmentTransport.FirstAttempt;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The transport on its own, where a test can break what the producer never lets it reach: the executor. */
class SegmentTransportTest extends SegmentTestSupport {

    @Test
    void anErrorWhileSchedulingARetryCompletesTheCallWithItAsCause() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        OutOfMemoryError noThread = new OutOfMemoryError("unable to create native thread");
        AtomicInteger scheduled = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                if (scheduled.incrementAndGet() > 1) {
                    throw noThread;
                }
                return super.schedule(command, delay, unit);
            }
        };
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            SegmentTransport transport = new SegmentTransport(client, executor, FirstAttempt.WORKER,
                    new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(10)),
                    Duration.ofSeconds(5), JSON, Clock.systemUTC());

            CompletableFuture<SegmentResponse> call = transport.send(new SegmentRequest("GET",
                    URI.create(apiUrl() + "/destinations/d"), Map.of(), null, "getDestination (GET /destinations/{destinationId})",
                    true, List.of()));

            Throwable failure = catchThrowable(() -> call.get(5, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(SegmentHttpException.class)
                    .hasCause(noThread);
        } finally {
            executor.shutdownNow();
        }
    }
}
