package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's own JSON endpoints and page, which the Debugger and outside tools use. */
class EmulatorApiTest extends EmulatorTestSupport {

    @BeforeEach
    void threeEvents() {
        client.track("/identify", "{\"userId\":\"alice\"}");
        client.track("/track", "{\"userId\":\"alice\",\"event\":\"A\"}");
        client.track("/track", "{\"userId\":\"bob\",\"event\":\"B\"}");
    }

    private JsonNode get(String path) {
        return EmulatorClient.json(client.raw("GET", emulator.apiUrl() + path, null));
    }

    @Test
    void eventsAreListedInArrivalOrder() {
        JsonNode events = get("/emulator/events").get("events");

        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("sequence").asLong()).isEqualTo(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("identify");
        assertThat(events.get(0).get("receivedAt").asText()).endsWith("Z");
    }

    @Test
    void eventsFilterByTypeAndUserId() {
        assertThat(get("/emulator/events?type=track").get("events")).hasSize(2);
        assertThat(get("/emulator/events?userId=alice").get("events")).hasSize(2);
        assertThat(get("/emulator/events?type=track&userId=bob").get("events")).hasSize(1);
    }

    @Test
    void eventsAfterASequenceAreOnlyTheNewerOnes() {
        assertThat(get("/emulator/events?after=2").get("events")).singleElement()
                .satisfies(event -> assertThat(event.get("userId").asText()).isEqualTo("bob"));
    }

    @Test
    void epochChangesOnReset() {
        long before = get("/emulator/events").get("epoch").asLong();

        client.post(emulator.apiUrl() + "/emulator/reset", "{}");

        assertThat(get("/emulator/events").get("epoch").asLong()).isGreaterThan(before);
    }

    @Test
    void requestsListBothApis() {
        client.api("GET", "/destinations/" + SegmentEmulator.DEMO_DESTINATION_ID, null);

        JsonNode requests = get("/emulator/requests");

        assertThat(requests.get("tracking")).hasSize(3);
        assertThat(requests.get("publicApi")).hasSize(1);
        assertThat(requests.at("/publicApi/0/status").asInt()).isEqualTo(200);
    }

    @Test
    void unknownEmulatorEndpointIsAnswered404() {
        assertThat(client.raw("GET", emulator.apiUrl() + "/emulator/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void debuggerPageIsServedAtRootAndDebuggerAndLoadsNothingFromElsewhere() {
        HttpResponse<String> root = client.raw("GET", emulator.apiUrl() + "/", null);
        HttpResponse<String> debugger = client.raw("GET", emulator.apiUrl() + "/debugger", null);

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(debugger.body()).isEqualTo(root.body());
        assertThat(root.body()).doesNotContain("<script src", "<link", "@import", "http://", "https://", "innerHTML");
    }
}
