package io.camelsegment.segment;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/** How Segment's error answers reach the route: typed, with Segment's errors[], nothing else in the body. */
class SegmentErrorsTest extends SegmentTestSupport {

    private static void answer(int status, String json) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static SegmentHttpException failure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        return (SegmentHttpException) exchange.getException();
    }

    @Test
    void aTracking400RaisesANonRetryableHttpExceptionWithSegmentsAnswer() {
        answer(400, "{\"success\":false,\"message\":\"Invalid JSON\"}");

        SegmentHttpException e = failure(send(tracking("track", "userId=u-1&event=E"), null));

        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("Segment Tracking API answered 400 to track (POST /track) after 1 attempt(s): "
                                             + "{\"success\":false,\"message\":\"Invalid JSON\"}");
    }

    @Test
    void aPublicApi401CarriesSegmentsErrors() {
        answer(401, "{\"errors\":[{\"type\":\"Unauthorized\",\"message\":\"Invalid token\"}]}");

        SegmentHttpException e = failure(send(publicApi("getDestination", "destinationId=dst-1"), null));

        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getErrors()).containsExactly(new SegmentError("Unauthorized", "Invalid token", null, null));
        assertThat(e.getMessage()).isEqualTo("Segment Public API answered 401 to getDestination "
                                             + "(GET /destinations/{destinationId}) after 1 attempt(s): Unauthorized: Invalid token");
    }

    @Test
    void aPublicApi404NamesTheOperationAndPathTemplate() {
        answer(404, "{\"errors\":[{\"type\":\"NotFound\",\"message\":\"Source not found\"}]}");

        SegmentHttpException e = failure(send(publicApi("listSchemaSettingsInSource", "sourceId=nope"), null));

        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getErrors()).extracting(SegmentError::type).containsExactly("NotFound");
        assertThat(e.getMessage()).contains("listSchemaSettingsInSource (GET /sources/{sourceId}/settings)")
                .endsWith("NotFound: Source not found");
    }

    @Test
    void aPublicApi422KeepsTheFieldSegmentNamed() {
        answer(422, "{\"errors\":[{\"type\":\"ValidationFailure\",\"message\":\"Label does not exist\",\"field\":\"labels\"}]}");

        SegmentHttpException e = failure(send(publicApi("addLabelsToSource", "sourceId=src-1&labels=a:b"), null));

        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(e.getErrors()).containsExactly(new SegmentError("ValidationFailure", "Label does not exist", "labels", null));
        assertThat(e.getMessage()).endsWith("ValidationFailure (labels): Label does not exist");
    }

    @Test
    void aPublicApi429IsRetryableAndCarriesTheRateLimitData() {
        answer(429, "{\"errors\":[{\"type\":\"RequestError\",\"message\":\"Too many requests\","
                    + "\"data\":{\"msBeforeNext\":1000,\"remainingPoints\":0,\"consumedPoints\":60}}]}");

        SegmentHttpException e = failure(send(publicApi("getDestination", "destinationId=dst-1"), null));

        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getErrors().get(0).data()).containsEntry("msBeforeNext", 1000).containsEntry("remainingPoints", 0);
    }

    @Test
    void aFailedPublicApiCallLeavesTheBodyAsItWas() {
        answer(404, "{\"errors\":[{\"type\":\"NotFound\",\"message\":\"nope\"}]}");

        Exchange exchange = send(publicApi("getDestination", "destinationId=dst-1"), "original");

        assertThat(exchange.getMessage().getBody()).isEqualTo("original");
    }

    @Test
    void anErrorCanBeRoutedByTypeInCamelsErrorHandler() throws Exception {
        answer(404, "{\"errors\":[{\"type\":\"NotFound\",\"message\":\"nope\"}]}");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                onException(SegmentHttpException.class).handled(true)
                        .setBody(simple("status ${exception.statusCode}"));
                from("direct:lookup").to(publicApi("getDestination", "destinationId=dst-1"));
            }
        });

        assertThat(template.requestBody("direct:lookup", (Object) null, String.class)).isEqualTo("status 404");
    }
}
