package io.camelsegment.segment;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every input Segment would reject or silently drop is refused before a single request leaves. */
class ValidationTest extends SegmentTestSupport {

    private static final String BIG = "x".repeat(33 * 1024);

    static Stream<Arguments> invalidTrackingCalls() {
        return Stream.of(
                arguments("a tracking call without writeKey", "segment:track?event=E&userId=u&trackingUrl=" + trackingUrl(),
                        null, Map.of(), "writeKey is required for the Tracking API"),
                arguments("a message without userId or anonymousId", tracking("track", "event=E"), null, Map.of(),
                        "Segment track was not sent: userId or anonymousId is required"),
                arguments("a blank userId and no anonymousId", tracking("identify", ""), Map.of("userId", " "), Map.of(),
                        "Segment identify was not sent: userId must be a non-blank string but was blank"),
                arguments("track without event", tracking("track", "userId=u"), null, Map.of(),
                        "Segment track was not sent: event is required for track"),
                arguments("group without groupId", tracking("group", "userId=u"), null, Map.of(),
                        "Segment group was not sent: groupId is required for group"),
                arguments("alias without previousId", tracking("alias", "userId=u"), null, Map.of(),
                        "Segment alias was not sent: previousId is required for alias"),
                arguments("alias with only an anonymousId", tracking("alias", "previousId=p&anonymousId=a"), null, Map.of(),
                        "Segment alias was not sent: userId is required for alias"),
                arguments("a timestamp that is not ISO-8601", tracking("track", "userId=u&event=E"),
                        Map.of("timestamp", "yesterday"), Map.of(),
                        "Segment track was not sent: timestamp must be an ISO-8601 date-time with a zone, e.g. 2024-05-01T12:00:00Z, but was 'yesterday'"),
                arguments("a timestamp without zone", tracking("track", "userId=u&event=E"),
                        Map.of(), Map.of(SegmentConstants.TIMESTAMP, "2024-05-01T12:00:00"),
                        "timestamp must be an ISO-8601 date-time with a zone"),
                arguments("a messageId of 100 characters", tracking("track", "userId=u&event=E"),
                        Map.of("messageId", "m".repeat(100)), Map.of(),
                        "Segment track was not sent: messageId must be a non-blank string shorter than 100 characters"),
                arguments("a message over 32 KB", tracking("track", "userId=u&event=E"),
                        Map.of("properties", Map.of("blob", BIG)), Map.of(), "over Segment's limit of 32768 bytes"),
                arguments("a context that is not an object", tracking("track", "userId=u&event=E"),
                        Map.of("context", "web"), Map.of(), "Segment track was not sent: context must be an object"),
                arguments("a batch item whose context is not an object", tracking("batch", ""),
                        List.of(Map.of("type", "track", "userId", "u", "event", "E", "context", List.of())), Map.of(),
                        "batch item 0: context must be an object"),
                arguments("a body that is not JSON", tracking("track", "userId=u&event=E"), "not json", Map.of(),
                        "the body is not JSON (JsonParseException)"),
                arguments("a payload body for alias", tracking("alias", "userId=u&previousId=p&bodyMode=payload"),
                        Map.of("a", 1), Map.of(), "alias has no payload: use bodyMode=message"),
                arguments("a batch body that is not a list", tracking("batch", ""), Map.of("type", "track"), Map.of(),
                        "the body must be a list of messages"),
                arguments("an array batch body holding a null", tracking("batch", ""),
                        new Object[] { Map.of("type", "track", "userId", "u", "event", "E"), null }, Map.of(),
                        "batch item 1: type must be one of"),
                arguments("an empty batch", tracking("batch", ""), List.of(), Map.of(), "the batch holds no message"),
                arguments("a batch item without valid type", tracking("batch", ""),
                        List.of(Map.of("type", "purchase", "userId", "u")), Map.of(),
                        "batch item 0: type must be one of identify, track, page, screen, group, alias but was 'purchase'"),
                arguments("a batch item breaking a rule of its type", tracking("batch", ""),
                        List.of(Map.of("type", "identify", "userId", "u"), Map.of("type", "track", "userId", "u")), Map.of(),
                        "batch item 1: event is required for track"),
                arguments("a batch item over 32 KB", tracking("batch", ""),
                        List.of(Map.of("type", "track", "userId", "u", "event", "E", "properties", Map.of("blob", BIG))),
                        Map.of(), "batch item 0: the message is"),
                arguments("an import item without timestamp", tracking("import", ""),
                        List.of(Map.of("type", "track", "userId", "u", "event", "E")), Map.of(),
                        "batch item 0: timestamp is required for a historical import"),
                arguments("an unknown operation in the header", tracking("track", "userId=u&event=E"), null,
                        Map.of(SegmentConstants.OPERATION, "purchase"), "unknown operation 'purchase': use one of identify, track"));
    }

    static Stream<Arguments> invalidPublicApiCalls() {
        return Stream.of(
                arguments("a Public API call without token", "segment:getDestination?destinationId=d&apiUrl=" + apiUrl(), null,
                        Map.of(), "token is required for the Public API"),
                arguments("a missing sourceId", publicApi("listSchemaSettingsInSource", ""), null, Map.of(),
                        "sourceId is required"),
                arguments("a missing destinationId", publicApi("getDestination", ""), null, Map.of(),
                        "destinationId is required"),
                arguments("an id over 255 characters", publicApi("deleteSource", "sourceId=" + "s".repeat(256)), null, Map.of(),
                        "sourceId must be 1 to 255 characters and not blank"),
                arguments("a blank id", publicApi("deleteSource", ""), null, Map.of(SegmentConstants.SOURCE_ID, "  "),
                        "sourceId must be 1 to 255 characters and not blank"),
                arguments("a missing period", publicApi("getDailyPerSourceApiCallsUsage", ""), null, Map.of(),
                        "period is required"),
                arguments("a period not as YYYY-MM-DD", publicApi("getDailyPerSourceApiCallsUsage", "period=2024-5"), null,
                        Map.of(), "period must be a date as YYYY-MM-DD but was '2024-5'"),
                arguments("a granularity other than DAY, HOUR or MINUTE",
                        publicApi("listDeliveryMetricsSummaryFromDestination", "destinationId=d&sourceId=s&granularity=WEEK"),
                        null, Map.of(), "granularity must be DAY, HOUR or MINUTE but was 'WEEK'"),
                arguments("a delivery metrics call without sourceId",
                        publicApi("listDeliveryMetricsSummaryFromDestination", "destinationId=d"), null, Map.of(),
                        "sourceId is required"),
                arguments("a startTime that is not ISO-8601",
                        publicApi("listDeliveryMetricsSummaryFromDestination", "destinationId=d&sourceId=s&startTime=today"),
                        null, Map.of(), "startTime must be an ISO-8601 date-time with a zone"),
                arguments("a page size of 0", publicApi("listConnectedWarehousesFromSource", "sourceId=s&pageSize=0"), null,
                        Map.of(), "pageSize must be from 1 to 1000 but was '0'"),
                arguments("a page size of 1001", publicApi("listConnectedWarehousesFromSource", "sourceId=s&pageSize=1001"),
                        null, Map.of(), "pageSize must be from 1 to 1000 but was '1001'"),
                arguments("labels missing", publicApi("addLabelsToSource", "sourceId=s"), null, Map.of(),
                        "labels are required"),
                arguments("a label without value", publicApi("addLabelsToSource", "sourceId=s"),
                        List.of(Map.of("key", "env")), Map.of(), "label 0: value is required"),
                arguments("a labels option pair without colon", publicApi("addLabelsToSource", "sourceId=s&labels=env"), null,
                        Map.of(), "label 'env' must be written key:value"),
                arguments("an update with a field sources do not have", publicApi("updateSource", "sourceId=s"),
                        Map.of("nmae", "typo"), Map.of(), "'nmae' is not a source field: use name, enabled, slug or settings"),
                arguments("an update with nothing to update", publicApi("updateSource", "sourceId=s"), null, Map.of(),
                        "nothing to update"),
                arguments("an update with enabled not a boolean", publicApi("updateSource", "sourceId=s"),
                        Map.of("enabled", "maybe"), Map.of(), "enabled must be true or false"),
                arguments("removeWriteKeyFromSource without the key", publicApi("removeWriteKeyFromSource", "sourceId=s"),
                        null, Map.of(), "writeKeyToRemove is required"),
                arguments("removeWriteKeyFromSource with only the component's writeKey",
                        publicApi("removeWriteKeyFromSource", "sourceId=s&writeKey=RAW(" + WRITE_KEY + ")"), null, Map.of(),
                        "writeKeyToRemove is required"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource({ "invalidTrackingCalls", "invalidPublicApiCalls" })
    void isRefusedBeforeAnyRequest(String rule, String uri, Object body, Map<String, Object> headers, String problem) {
        Exchange exchange = send(uri, body, headers);

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class);
        assertThat(exchange.getException().getMessage()).contains(problem);
        assertThat(requests()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Exchange exchange = send(tracking("batch", ""), List.of(Map.of("type", "track"), Map.of("type", "group", "userId", "u")));

        SegmentValidationException e = (SegmentValidationException) exchange.getException();
        assertThat(e.getProblems()).containsExactly("batch item 0: userId or anonymousId is required",
                "batch item 0: event is required for track", "batch item 1: groupId is required for group");
        assertThat(e.getMessage()).startsWith("Segment batch was not sent: batch item 0: userId or anonymousId is required; ");
    }

    @Test
    void aSecretWriteKeyThatFailsValidationIsNotEchoed() {
        String badKey = "secret-" + "k".repeat(300);

        Exchange exchange = send(publicApi("removeWriteKeyFromSource", "sourceId=s"), null,
                Map.of(SegmentConstants.WRITE_KEY_TO_REMOVE, badKey));

        assertThat(exchange.getException().getMessage()).contains("writeKeyToRemove must be 1 to 255 characters")
                .doesNotContain("secret-");
        assertThat(requests()).isEmpty();
    }
}
