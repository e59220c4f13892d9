package io.camelsegment.segment;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** responseTimeout is a deadline for each attempt, and the retry budget one for the whole call. */
class AttemptDeadlineTest extends SegmentTestSupport {

    /** 30 chunks over 12 s: a byte every 400 ms, so no single read ever waits as long as the timeout. */
    private static void trickle() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true,\"padding\":\"............\"}").withChunkedDribbleDelay(30, 12000)));
    }

    @Test
    void aTricklingAnswerIsCutAtTheResponseTimeout() {
        trickle();
        long start = System.nanoTime();

        Exchange exchange = send(tracking("track", "userId=u&event=E&responseTimeout=1000"), null);

        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class)
                .hasMessage("Segment track (POST /track) got no answer after 1 attempt(s): SocketTimeoutException:"
                            + " no complete answer within 1000 ms");
        assertThat(tookMillis).isLessThan(5000);
    }

    @Test
    void theRetryBudgetBoundsTheWholeCall() {
        trickle();
        long start = System.nanoTime();

        Exchange exchange = send(tracking("track",
                "userId=u&event=E&responseTimeout=1000&maxRetries=10&retryInitialDelay=10&retryMaxDelay=10&retryBudget=2500"),
                null);

        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        SegmentHttpException e = (SegmentHttpException) exchange.getException();
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getAttempts()).isBetween(3, 4);
        assertThat(tookMillis).isLessThan(6000);
    }
}
