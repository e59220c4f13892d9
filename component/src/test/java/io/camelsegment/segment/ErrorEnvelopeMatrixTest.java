package io.camelsegment.segment;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every operation turns each of Segment's error answers into the same typed failure, and leaves the body alone. */
class ErrorEnvelopeMatrixTest extends SegmentTestSupport {

    private static final Map<String, Object> TRACK = Map.of("type", "track", "userId", "u", "event", "E",
            "timestamp", "2024-05-01T12:00:00Z");

    /** Each operation with the smallest input that passes validation. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("identify", "userId=u"),
            Map.entry("track", "userId=u&event=E"),
            Map.entry("page", "userId=u&name=Home"),
            Map.entry("screen", "userId=u&name=Home"),
            Map.entry("group", "userId=u&groupId=g"),
            Map.entry("alias", "userId=u&previousId=p"),
            Map.entry("batch", ""),
            Map.entry("import", ""),
            Map.entry("addLabelsToSource", "sourceId=s&labels=env:prod"),
            Map.entry("deleteSource", "sourceId=s"),
            Map.entry("getDailyPerSourceApiCallsUsage", "period=2024-05-01"),
            Map.entry("getDestination", "destinationId=d"),
            Map.entry("listConnectedWarehousesFromSource", "sourceId=s"),
            Map.entry("listDeliveryMetricsSummaryFromDestination", "destinationId=d&sourceId=s"),
            Map.entry("listSchemaSettingsInSource", "sourceId=s"),
            Map.entry("removeWriteKeyFromSource", "sourceId=s&writeKeyToRemove=old"),
            Map.entry("updateSource", "sourceId=s&name=Renamed"));

    private static final String[][] ERRORS = {
            { "400", "ValidationFailure", "Bad request" },
            { "401", "Unauthorized", "Invalid token" },
            { "404", "NotFound", "Not found" },
            { "422", "ValidationFailure", "Invalid input" },
            { "429", "RequestError", "Too many requests" } };

    static Stream<Arguments> operationsAndErrors() {
        return OPERATIONS.keySet().stream().sorted().flatMap(operation -> Stream.of(ERRORS)
                .map(error -> arguments(operation, Integer.parseInt(error[0]), error[1], error[2])));
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("operationsAndErrors")
    void raisesASegmentHttpExceptionWithSegmentsErrors(String operation, int status, String type, String message) {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "0")
                .withBody("{\"errors\":[{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}]}")));
        boolean tracking = SegmentOperation.fromName(operation).trackingCall().isPresent();
        Object body = operation.equals("batch") || operation.equals("import") ? List.of(TRACK) : null;
        String uri = tracking ? tracking(operation, OPERATIONS.get(operation)) : publicApi(operation, OPERATIONS.get(operation));

        Exchange exchange = send(uri, body);

        assertThat(exchange.getException()).isInstanceOf(SegmentHttpException.class);
        SegmentHttpException e = (SegmentHttpException) exchange.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.isRetryable()).isEqualTo(status == 429);
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("Segment " + (tracking ? "Tracking" : "Public") + " API answered " + status
                                              + " to " + operation + " (").contains(message);
        if (!tracking) {
            assertThat(e.getErrors()).containsExactly(new SegmentError(type, message, null, null));
        }
        assertThat(exchange.getMessage().getBody()).isEqualTo(body);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys(SegmentConstants.HTTP_STATUS,
                SegmentConstants.MESSAGE_ID, SegmentConstants.MESSAGE_IDS);
        assertThat(requests()).hasSize(1);
    }
}
