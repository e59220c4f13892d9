package io.camelsegment.segment;

import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.camelsegment.segment.RetryTest.FAST_RETRIES;
import static io.camelsegment.segment.RetryTest.firstThenOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Public API call that is not a read (POST, PATCH, DELETE) is sent again only when Segment provably did not process
 * it; reads and Tracking API calls (deduplicated by messageId) are retried after any transient failure.
 */
class UnsafeRetryTest extends SegmentTestSupport {

    private Exchange deleteSource() {
        return send(publicApi("deleteSource", "sourceId=src-1&" + FAST_RETRIES), null);
    }

    private Exchange updateSource() {
        return send(publicApi("updateSource", "sourceId=src-1&name=Web&" + FAST_RETRIES), null);
    }

    private Exchange addLabelsToSource() {
        return send(publicApi("addLabelsToSource", "sourceId=src-1&labels=env:prod&" + FAST_RETRIES), null);
    }

    private static void assertOutcomeUnknown(Exchange exchange, int status) {
        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        SegmentHttpException e = (SegmentHttpException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.isOutcomeUnknown()).isTrue();
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getMessage()).endsWith("; the outcome is unknown: Segment may have applied it, so it was not sent again");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void a500OnADeleteIsNotRetriedAndItsOutcomeIsUnknown() {
        firstThenOk(aResponse().withStatus(500));

        assertOutcomeUnknown(deleteSource(), 500);
    }

    @Test
    void aConnectionResetOnAPatchIsNotRetried() {
        firstThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertOutcomeUnknown(updateSource(), 0);
    }

    @Test
    void aTimeoutOnADeleteIsNotRetried() {
        firstThenOk(aResponse().withStatus(200).withFixedDelay(2000));

        assertOutcomeUnknown(send(publicApi("deleteSource", "sourceId=src-1&responseTimeout=300&" + FAST_RETRIES), null), 0);
    }

    @Test
    void a503WithoutRetryAfterOnAPostIsNotRetried() {
        firstThenOk(aResponse().withStatus(503));

        assertOutcomeUnknown(addLabelsToSource(), 503);
    }

    @Test
    void a429OnAPostIsRetried() {
        firstThenOk(aResponse().withStatus(429));

        assertThat(addLabelsToSource().getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void a503WithRetryAfterOnAPostIsRetried() {
        firstThenOk(aResponse().withStatus(503).withHeader("Retry-After", "0"));

        assertThat(addLabelsToSource().getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aRefusedConnectionOnADeleteIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Exchange exchange = send("segment:deleteSource?token=RAW(" + TOKEN + ")&apiUrl=http://127.0.0.1:" + closedPort
                                 + "&sourceId=src-1&" + FAST_RETRIES, null);

        SegmentHttpException e = (SegmentHttpException) exchange.getException();
        assertThat(e.getAttempts()).isEqualTo(4);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.isOutcomeUnknown()).isFalse();
    }

    @Test
    void a500OnAGetIsRetried() {
        firstThenOk(aResponse().withStatus(500));

        assertThat(send(publicApi("getDestination", "destinationId=d&" + FAST_RETRIES), null).getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void a500OnATrackingPostIsRetried() {
        firstThenOk(aResponse().withStatus(500));

        assertThat(send(tracking("track", "userId=u&event=E&" + FAST_RETRIES), null).getException()).isNull();
        assertThat(requests()).hasSize(2);
    }
}
