package io.camelsegment.segment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelsegment.segment.json.JsonBody;
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
 * A body is one JSON value, nested no deeper than {@link JsonBody#MAX_DEPTH} levels: anything after the first value, a
 * cyclic body and a body nested too deeply are refused before a request leaves, as Segment would refuse the first with
 * a 400 and the others could never be written.
 */
class BodyStructureValidationTest extends SegmentTestSupport {

    private static final String TRACK = "{\"userId\":\"u\",\"event\":\"E\"}";
    private static final String TRAILING = "the body holds more than one JSON value";
    private static final String TOO_DEEP = "the body is nested more than 64 levels deep, or is cyclic";

    /** Maps nested {@code levels} deep, counting the outermost. */
    private static Map<String, Object> nested(int levels) {
        Map<String, Object> outermost = new HashMap<>();
        Map<String, Object> current = outermost;
        for (int level = 1; level < levels; level++) {
            Map<String, Object> inner = new HashMap<>();
            current.put("a", inner);
            current = inner;
        }
        return outermost;
    }

    private static Map<String, Object> cyclic() {
        Map<String, Object> map = new HashMap<>(Map.of("userId", "u", "event", "E"));
        map.put("properties", map);
        return map;
    }

    private static Map<String, Object> track(Object properties) {
        Map<String, Object> message = new LinkedHashMap<>(Map.of("type", "track", "userId", "u", "event", "E"));
        message.put("properties", properties);
        return message;
    }

    static Stream<Arguments> refusedBodies() {
        List<Object> listHoldingItself = new ArrayList<>();
        listHoldingItself.add(listHoldingItself);
        return Stream.of(
                arguments("two JSON objects as text", tracking("track", ""), TRACK + "\n" + TRACK, TRAILING),
                arguments("two JSON objects as bytes", tracking("track", ""),
                        (TRACK + TRACK).getBytes(StandardCharsets.UTF_8), TRAILING),
                arguments("two JSON arrays as a batch", tracking("batch", ""),
                        "[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}][{\"type\":\"track\",\"userId\":\"v\",\"event\":\"F\"}]",
                        TRAILING),
                arguments("two JSON objects as an updateSource body", publicApi("updateSource", "sourceId=s"),
                        "{\"name\":\"a\"} {\"name\":\"b\"}", TRAILING),
                arguments("a map holding itself", tracking("track", ""), cyclic(), TOO_DEEP),
                arguments("a map nested 100,000 levels deep", tracking("track", "userId=u&event=E"), nested(100_000),
                        TOO_DEEP),
                arguments("a map nested 65 levels deep", tracking("identify", "userId=u"), nested(65), TOO_DEEP),
                arguments("a batch item holding itself", tracking("batch", ""), List.of(track("p"), cyclic()),
                        TOO_DEEP),
                arguments("a batch list holding itself", tracking("batch", ""), listHoldingItself, TOO_DEEP),
                arguments("a payload nested 100,000 levels deep", tracking("track", "userId=u&event=E&bodyMode=payload"),
                        nested(100_000), TOO_DEEP),
                arguments("JSON text nested 65 levels deep", tracking("track", "userId=u&event=E"),
                        "{\"a\":".repeat(64) + "{}" + "}".repeat(64), TOO_DEEP),
                arguments("JSON text nested 100,000 levels deep", tracking("batch", ""),
                        "[".repeat(100_000) + "]".repeat(100_000), "the body is over a JSON reading limit (Document nesting depth"),
                arguments("an object holding itself through another", tracking("track", "userId=u&event=E&bodyMode=payload"),
                        Node.cycle(), "the body is not a value Jackson can write as JSON"),
                arguments("an updateSource body whose settings hold themselves", publicApi("updateSource", "sourceId=s"),
                        settingsHoldingThemselves(), TOO_DEEP));
    }

    /** An object Jackson writes through its fields, so only Jackson can find its cycle. */
    public static final class Node {
        public Node next;

        static Node cycle() {
            Node first = new Node();
            first.next = new Node();
            first.next.next = first;
            return first;
        }
    }

    private static Map<String, Object> settingsHoldingThemselves() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("settings", settings);
        return Map.of("name", "n", "settings", settings);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusedBodies")
    void isRefusedBeforeAnyRequest(String what, String uri, Object body, String problem) {
        Exchange exchange = send(uri, body);

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class);
        assertThat(exchange.getException().getMessage()).contains(problem);
        assertThat(requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused the same way the second time")
    @MethodSource("refusedBodies")
    void isRefusedTheSameWayTheSecondTime(String what, String uri, Object body, String problem) {
        String first = send(uri, body).getException().getMessage();

        Exchange second = send(uri, body);

        assertThat(second.getException()).isInstanceOf(SegmentValidationException.class).hasMessage(first);
        assertThat(requests()).isEmpty();
    }

    @Test
    void whitespaceAfterTheJsonValueIsNotMoreContent() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        Exchange exchange = send(tracking("track", ""), TRACK + " \n\t ");

        assertThat(exchange.getException()).isNull();
        assertThat(json(onlyRequest())).containsEntry("userId", "u");
    }

    @Test
    void aBodyNestedExactly64LevelsDeepIsSent() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        // the message is level 1, its properties level 2, so 62 more levels reach the cap
        Map<String, Object> body = new HashMap<>(Map.of("userId", "u", "event", "E", "properties", nested(63)));

        Exchange exchange = send(tracking("track", ""), body);

        assertThat(exchange.getException()).isNull();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void theSameMapTwiceSideBySideIsNotACycle() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        Map<String, Object> shared = Map.of("sku", "A-1");

        Exchange exchange = send(tracking("track", "userId=u&event=E&bodyMode=payload"), Map.of("first", shared, "second", shared));

        assertThat(exchange.getException()).isNull();
        assertThat(json(onlyRequest()).get("properties")).isEqualTo(Map.of("first", shared, "second", shared));
    }
}
