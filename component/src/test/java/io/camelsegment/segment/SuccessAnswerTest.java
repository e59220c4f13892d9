package io.camelsegment.segment;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** A 2xx counts as success only when it is Segment's: a refusal or a proxy's page in a 2xx is a failure. */
class SuccessAnswerTest extends SegmentTestSupport {

    private static final String PROXY_PAGE = "<html><head><title>Sign in to the network</title></head>\n<body>  "
                                             + "Please log in ".repeat(40) + "</body></html>";

    private static void answer200(String body) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    private static SegmentHttpException failure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        return (SegmentHttpException) exchange.getException();
    }

    @Test
    void aTrackingAnswerOfSuccessFalseIsAFailure() {
        answer200("{\"success\":false}");

        SegmentHttpException e = failure(send(tracking("track", "userId=u&event=E"), null));

        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessage("Segment Tracking API answered 200 to track (POST /track) after 1 attempt(s) without"
                                 + " accepting the events: {\"success\":false}");
    }

    @Test
    void aTrackingAnswerThatIsNotJsonIsAFailureQuotingItsStart() {
        answer200(PROXY_PAGE);

        SegmentHttpException e = failure(send(tracking("track", "userId=u&event=E"), null));

        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.getMessage()).startsWith("Segment Tracking API answered 200 to track (POST /track) after 1 attempt(s)"
                                              + " with a body that is not Segment's JSON: <html><head><title>Sign in to the"
                                              + " network</title></head> <body> Please log in")
                .endsWith("...").hasSizeLessThan(400);
    }

    @Test
    void aTrackingAnswerWithAnEmptyBodyIsASuccess() {
        answer200("");

        assertThat(send(tracking("track", "userId=u&event=E"), null).getException()).isNull();
    }

    @Test
    void aPublicApiAnswerThatIsNotJsonIsAFailureQuotingItsStart() {
        answer200(PROXY_PAGE);

        Exchange exchange = send(publicApi("getDestination", "destinationId=d"), Map.of("kept", true));

        SegmentHttpException e = failure(exchange);
        assertThat(e.getStatusCode()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).startsWith("Segment Public API answered 200 to getDestination (GET /destinations/"
                                              + "{destinationId}) after 1 attempt(s) with a body that is not Segment's"
                                              + " JSON: <html><head>").hasSizeLessThan(400);
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("kept", true));
    }

    @Test
    void aPublicApiAnswerWithAnEmptyBodyIsAFailure() {
        answer200("");

        assertThat(failure(send(publicApi("getDestination", "destinationId=d"), null)))
                .hasMessageEndingWith("with a body that is not Segment's JSON: (empty)");
    }

    @Test
    void theQuotedBodyNeverShowsACredential() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withBody(
                "<html>Bad gateway for DELETE /sources/s/writekey/wk_OLD_key_to_remove with Authorization: Bearer "
                + TOKEN + "</html>")));

        SegmentHttpException e = failure(send(publicApi("removeWriteKeyFromSource", "sourceId=s"), null,
                Map.of(SegmentConstants.WRITE_KEY_TO_REMOVE, "wk_OLD_key_to_remove")));

        assertThat(e.getMessage()).contains("Bad gateway for DELETE /sources/s/writekey/xxxxxx with Authorization: Bearer"
                                            + " xxxxxx").doesNotContain(TOKEN).doesNotContain("wk_OLD_key_to_remove");
    }
}
