package io.camelsegment.segment;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.AsyncProducer;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** The producer's callback runs exactly once for every outcome, so no exchange hangs or completes twice. */
class ExchangeCompletionTest extends SegmentTestSupport {

    private static ResponseDefinitionBuilder answer(String outcome) {
        return switch (outcome) {
            case "success" -> aResponse().withStatus(200);
            case "http error" -> aResponse().withStatus(400);
            case "retries exhausted" -> aResponse().withStatus(503);
            case "connection reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case "timeout" -> aResponse().withStatus(200).withFixedDelay(2000);
            default -> aResponse().withStatus(200);
        };
    }

    /** An exchange handed to a started producer, with a count of how often its callback ran. */
    private record Sent(AsyncProducer producer, Exchange exchange, AtomicInteger calls, CountDownLatch done) {

        boolean endedWithin(long seconds) throws InterruptedException {
            return done.await(seconds, TimeUnit.SECONDS);
        }
    }

    private Sent send(String options) throws Exception {
        AsyncProducer producer = context.getEndpoint(tracking("track", options)).createAsyncProducer();
        producer.start();
        Sent sent = new Sent(producer, new DefaultExchange(context), new AtomicInteger(), new CountDownLatch(1));
        producer.process(sent.exchange(), doneSync -> {
            sent.calls().incrementAndGet();
            sent.done().countDown();
        });
        return sent;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "success", "http error", "retries exhausted", "connection reset", "timeout", "validation" })
    void theCallbackRunsExactlyOnce(String outcome) throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(answer(outcome)));
        String options = ("validation".equals(outcome) ? "userId=u" : "userId=u&event=E")
                         + ("timeout".equals(outcome) ? "&responseTimeout=300" : "");

        Sent sent = send(options + "&maxRetries=1&retryInitialDelay=1");

        assertThat(sent.endedWithin(10)).isTrue();
        Thread.sleep(200);
        assertThat(sent.calls()).hasValue(1);
        if ("success".equals(outcome)) {
            assertThat(sent.exchange().getException()).isNull();
        } else {
            assertThat(sent.exchange().getException()).isInstanceOf(SegmentException.class);
        }
        sent.producer().stop();
    }

    /** A configurer whose client throws {@code error} where {@code where} says: sending, or reading the answer. */
    private static HttpClientConfigurer failingWith(Error error, String where) {
        return builder -> {
            if ("sending".equals(where)) {
                builder.addExecInterceptorFirst("clash", (request, scope, chain) -> {
                    throw error;
                });
            } else {
                builder.addResponseInterceptorLast((response, entity, context) -> ((ClassicHttpResponse) response)
                        .setEntity(new InputStreamEntity(new InputStream() {
                            @Override
                            public int read() {
                                throw error;
                            }
                        }, ContentType.APPLICATION_JSON)));
            }
        };
    }

    @Test
    void anErrorFromTheHttpClientEndsTheExchangeWithItAsCause() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        NoClassDefFoundError clash = new NoClassDefFoundError("org/apache/hc/core5/http/HttpEntity");
        context.getRegistry().bind("clashing", failingWith(clash, "sending"));

        Sent sent = send("userId=u&event=E&httpClientConfigurer=#clashing");

        assertThat(sent.endedWithin(5)).isTrue();
        assertThat(sent.calls()).hasValue(1);
        assertThat(sent.exchange().getException()).isInstanceOf(SegmentHttpException.class).hasCause(clash)
                .hasMessageStartingWith("Segment track (POST /track) failed after 1 attempt(s): java.lang.NoClassDefFoundError");
        sent.producer().stop();
    }

    @Test
    void anErrorWhileReadingTheAnswerEndsTheExchangeWithItAsCause() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");
        context.getRegistry().bind("exhausted", failingWith(outOfMemory, "reading"));

        Sent sent = send("userId=u&event=E&httpClientConfigurer=#exhausted");

        assertThat(sent.endedWithin(5)).isTrue();
        assertThat(sent.calls()).hasValue(1);
        assertThat(sent.exchange().getException()).isInstanceOf(SegmentHttpException.class).hasCause(outOfMemory);
        sent.producer().stop();
    }

    @Test
    void stoppingTheProducerEndsAnExchangeWaitingForARetry() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        Sent sent = send("userId=u&event=E&maxRetries=3");
        for (int waited = 0; requests().isEmpty() && waited < 5000; waited += 10) {
            Thread.sleep(10);
        }

        sent.producer().stop();

        assertThat(sent.endedWithin(5)).isTrue();
        assertThat(sent.calls()).hasValue(1);
        assertThat(sent.exchange().getException()).isInstanceOf(SegmentHttpException.class)
                .hasMessage("Segment track (POST /track) was abandoned: the producer stopped before Segment accepted it");
    }

    @Test
    void aDeleteCutOffMidAttemptByAStopIsReportedAsOfUnknownOutcome() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        AsyncProducer producer = context.getEndpoint(publicApi("deleteSource", "sourceId=src-1")).createAsyncProducer();
        producer.start();
        Exchange exchange = new DefaultExchange(context);
        CountDownLatch done = new CountDownLatch(1);
        // a caller of its own: the first attempt is sent, and waited for, in the caller's thread
        CompletableFuture.runAsync(() -> producer.process(exchange, doneSync -> done.countDown()));
        for (int waited = 0; requests().isEmpty() && waited < 5000; waited += 10) {
            Thread.sleep(10);
        }

        producer.stop();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        SegmentHttpException failure = exchange.getException(SegmentHttpException.class);
        assertThat(failure.isOutcomeUnknown()).isTrue();
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure).hasMessageStartingWith("Segment deleteSource (DELETE /sources/{sourceId}) was abandoned")
                .hasMessageContaining("the outcome is unknown");
    }
}
