package io.camelsegment.segment;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** Transient failures are retried with the very same request, so Segment deduplicates; others end the call at once. */
class RetryTest extends SegmentTestSupport {

    static final String FAST_RETRIES = "maxRetries=3&retryInitialDelay=10&retryMaxDelay=20";

    /** The first answer is {@code first}, every later one 200. */
    static void firstThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        wireMock.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("recovered"));
        wireMock.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"success\":true,\"data\":{\"ok\":true}}")));
    }

    private Exchange track() {
        return send(tracking("track", "userId=u-1&event=E&" + FAST_RETRIES), null);
    }

    @Test
    void a429WithRetryAfterIsRetriedWithTheSameBodyAndARetryCount() {
        firstThenOk(aResponse().withStatus(429).withHeader("Retry-After", "0"));

        Exchange exchange = track();

        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBodyAsString()).isEqualTo(requests.get(0).getBodyAsString());
        assertThat(requests.get(0).containsHeader("X-Retry-Count")).isFalse();
        assertThat(requests.get(1).getHeader("X-Retry-Count")).isEqualTo("1");
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void a460IsRetried() {
        firstThenOk(aResponse().withStatus(460));

        assertThat(track().getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void a503IsRetried() {
        firstThenOk(aResponse().withStatus(503));

        assertThat(track().getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aConnectionResetIsRetried() {
        firstThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Exchange exchange = track();

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(SegmentConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void aRateLimitResetOnA5xxIsNoReasonToWait() {
        firstThenOk(aResponse().withStatus(503).withHeader("X-RateLimit-Reset", "120"));

        Exchange exchange = send(tracking("track", "userId=u-1&event=E&" + FAST_RETRIES + "&retryBudget=1000"), null);

        assertThat(exchange.getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void a501IsNotRetried() {
        firstThenOk(aResponse().withStatus(501));

        SegmentHttpException e = (SegmentHttpException) track().getException();

        assertThat(e.getStatusCode()).isEqualTo(501);
        assertThat(e.isRetryable()).isFalse();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aPublicApi429IsRetriedAfterMsBeforeNext() {
        firstThenOk(aResponse().withStatus(429).withBody("{\"errors\":[{\"type\":\"RequestError\","
                                                         + "\"message\":\"Too many requests\",\"data\":{\"msBeforeNext\":5}}]}"));

        Exchange exchange = send(publicApi("getDestination", "destinationId=d&" + FAST_RETRIES), null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo(Map.of("ok", true));
        assertThat(requests()).hasSize(2);
    }

    @Test
    void retriesStopAfterMaxRetriesWithTheLastAnswer() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

        SegmentHttpException e = (SegmentHttpException) send(
                tracking("track", "userId=u&event=E&retryInitialDelay=1&retryMaxDelay=2&maxRetries=2"), null).getException();

        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getAttempts()).isEqualTo(3);
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aRetryAfterBeyondTheBudgetEndsTheCallAtOnce() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        SegmentHttpException e = (SegmentHttpException) send(
                tracking("track", "userId=u&event=E&maxRetries=5&retryBudget=1000"), null).getException();

        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getAttempts()).isEqualTo(1);
    }

    @Test
    void noAnswerAtAllRaisesARetryableHttpExceptionWithoutStatus() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        SegmentHttpException e = (SegmentHttpException) send(tracking("track", "userId=u&event=E"), null).getException();

        assertThat(e.getStatusCode()).isZero();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).startsWith("Segment track (POST /track) got no answer after 1 attempt(s): ");
    }

    @Test
    void aCamelRedeliverySendsTheSameMessageIdAgain() throws Exception {
        firstThenOk(aResponse().withStatus(503));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0));
                from("direct:redelivered").to(tracking("track", "userId=u-1&event=E"));
            }
        });

        Exchange exchange = template.request("direct:redelivered", e -> e.getIn().setBody(Map.of("properties", Map.of())));

        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(json(requests.get(1)).get("messageId")).isEqualTo(json(requests.get(0)).get("messageId"));
    }

    @Test
    void twoEndpointsOnOneExchangeSendDifferentMessageIds() throws Exception {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:two").to(tracking("identify", "userId=u-1")).to(tracking("track", "userId=u-1&event=E"));
            }
        });

        template.sendBody("direct:two", null);

        List<LoggedRequest> requests = requests();
        assertThat(json(requests.get(1)).get("messageId")).isNotEqualTo(json(requests.get(0)).get("messageId"));
    }
}
