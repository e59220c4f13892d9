package io.camelsegment.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Ids, event and name are non-blank strings, and a messageId a string under 100 characters, wherever they come from:
 * Segment drops a message whose userId is an array, or whose messageId it cannot deduplicate on, after answering 200.
 * A whole-number id is sent as its decimal string.
 */
class FieldTypeValidationTest extends SegmentTestSupport {

    /** For each field, an operation that reads it and a body giving everything else that operation needs. */
    private static final Map<String, String> FIELD_CONTEXT = Map.of(
            "userId", "track:\"event\":\"E\"",
            "anonymousId", "track:\"event\":\"E\"",
            "groupId", "group:\"userId\":\"u\"",
            "previousId", "alias:\"userId\":\"u\"",
            "event", "track:\"userId\":\"u\"",
            "name", "page:\"userId\":\"u\"");

    private static final Map<String, String> WRONG_VALUES = Map.of(
            "[\"u1\"]", "an array", "[]", "an array", "{}", "an object", "true", "a boolean", "1.5", "the number 1.5",
            "\" \"", "blank");

    static Stream<Arguments> wrongTypesInTheBody() {
        List<Arguments> cases = new ArrayList<>();
        FIELD_CONTEXT.forEach((field, context) -> WRONG_VALUES.forEach((json, described) -> {
            String operation = context.substring(0, context.indexOf(':'));
            String body = "{" + context.substring(context.indexOf(':') + 1) + ",\"" + field + "\":" + json + "}";
            cases.add(arguments(body, tracking(operation, ""), body,
                    field + " must be a non-blank string but was " + described));
        }));
        return cases.stream();
    }

    static Stream<Arguments> wrongTypesElsewhere() {
        return Stream.of(
                arguments("a batch item's userId as an array", tracking("batch", ""),
                        "[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"},{\"type\":\"track\",\"userId\":[\"u1\"],\"event\":\"E\"}]",
                        Map.of(), "batch item 1: userId must be a non-blank string but was an array"),
                arguments("a batch item's event as an object", tracking("batch", ""),
                        List.of(Map.of("type", "track", "userId", "u", "event", Map.of())), Map.of(),
                        "batch item 0: event must be a non-blank string but was an object"),
                arguments("an import item's name as true", tracking("import", ""),
                        List.of(Map.of("type", "screen", "anonymousId", "a", "name", true, "timestamp", "2024-01-01T00:00:00Z")),
                        Map.of(), "batch item 0: name must be a non-blank string but was a boolean"),
                arguments("a userId header holding a list", tracking("track", "event=E"), null,
                        Map.of(SegmentConstants.USER_ID, List.of("u1")), "userId must be a non-blank string but was an array"),
                arguments("an event header holding a map", tracking("track", "userId=u"), null,
                        Map.of(SegmentConstants.EVENT, Map.of("name", "E")), "event must be a non-blank string but was an object"),
                arguments("a groupId header holding an array", tracking("group", "userId=u"), null,
                        Map.of(SegmentConstants.GROUP_ID, new String[] { "g" }), "groupId must be a non-blank string but was an array"),
                arguments("a blank userId beside a good anonymousId", tracking("identify", "anonymousId=a"),
                        Map.of("userId", ""), Map.of(), "userId must be a non-blank string but was blank"),
                arguments("a numeric messageId", tracking("track", "userId=u&event=E"), "{\"messageId\":123}", Map.of(),
                        "messageId must be a non-blank string shorter than 100 characters but was the number 123"),
                arguments("a messageId of 101 characters", tracking("track", "userId=u&event=E"),
                        Map.of("messageId", "m".repeat(101)), Map.of(),
                        "messageId must be a non-blank string shorter than 100 characters but was 101 characters long"),
                arguments("a batch item's messageId as a number", tracking("batch", ""),
                        List.of(Map.of("type", "track", "userId", "u", "event", "E", "messageId", 7)), Map.of(),
                        "batch item 0: messageId must be a non-blank string shorter than 100 characters but was the number 7"),
                arguments("a batch item's messageId of 150 characters", tracking("batch", ""),
                        List.of(Map.of("type", "track", "userId", "u", "event", "E", "messageId", "m".repeat(150))), Map.of(),
                        "batch item 0: messageId must be a non-blank string shorter than 100 characters but was 150 characters long"),
                arguments("an import item's messageId as an array", tracking("import", ""),
                        List.of(Map.of("type", "identify", "userId", "u", "messageId", List.of("m"),
                                "timestamp", "2024-01-01T00:00:00Z")), Map.of(),
                        "batch item 0: messageId must be a non-blank string shorter than 100 characters but was an array"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("wrongTypesInTheBody")
    void aWrongTypeInTheBodyIsRefusedBeforeAnyRequest(String body, String uri, String sameBody, String problem) {
        Exchange exchange = send(uri, sameBody);

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class);
        assertThat(((SegmentValidationException) exchange.getException()).getProblems()).containsExactly(problem);
        assertThat(requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("wrongTypesElsewhere")
    void aWrongTypeIsRefusedBeforeAnyRequest(String what, String uri, Object body, Map<String, Object> headers, String problem) {
        Exchange exchange = send(uri, body, headers);

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class);
        assertThat(((SegmentValidationException) exchange.getException()).getProblems()).containsExactly(problem);
        assertThat(requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused the same way the second time")
    @MethodSource("wrongTypesElsewhere")
    void aWrongTypeIsRefusedTheSameWayTheSecondTime(String what, String uri, Object body, Map<String, Object> headers,
                                                    String problem) {
        String first = send(uri, body, headers).getException().getMessage();

        Exchange second = send(uri, body, headers);

        assertThat(second.getException()).isInstanceOf(SegmentValidationException.class).hasMessage(first);
        assertThat(requests()).isEmpty();
    }

    @Test
    void aWholeNumberUserIdInTheBodyIsSentAsItsString() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        send(tracking("track", ""), "{\"userId\":12345678901,\"event\":\"E\"}");

        assertThat(json(onlyRequest())).containsEntry("userId", "12345678901");
    }

    @Test
    void aWholeNumberIdHeaderIsSentAsItsString() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        send(tracking("group", "userId=u"), null, Map.of(SegmentConstants.GROUP_ID, 42L));

        assertThat(json(onlyRequest())).containsEntry("groupId", "42");
    }

    @Test
    void aWholeNumberIdInABatchItemIsSentAsItsString() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        send(tracking("batch", ""), List.of(Map.of("type", "alias", "userId", 7, "previousId", 6)));

        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) json(onlyRequest()).get("batch")).get(0);
        assertThat(item).containsEntry("userId", "7").containsEntry("previousId", "6");
    }

    @Test
    void anIdHeaderJacksonWritesAsAStringIsSentAsThatString() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        UUID anonymousId = UUID.fromString("6f1c2a9e-0d7b-4c55-9d1e-3b2f7a8c9d01");

        send(tracking("identify", ""), null, Map.of(SegmentConstants.ANONYMOUS_ID, anonymousId));

        assertThat(json(onlyRequest())).containsEntry("anonymousId", anonymousId.toString());
    }

    @Test
    void aPageWithoutNameIsStillSent() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Exchange exchange = send(tracking("page", "userId=u"), null);

        assertThat(exchange.getException()).isNull();
        assertThat(json(onlyRequest())).doesNotContainKey("name");
    }
}
