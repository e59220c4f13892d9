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
    void eventsAreListedNewestFirst() {
        JsonNode body = get("/emulator/events");
        JsonNode events = body.get("events");

        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(events.get(2).get("type").asText()).isEqualTo("identify");
        assertThat(events.get(2).get("receivedAt").asText()).endsWith("Z");
        assertThat(body.get("total").asInt()).isEqualTo(3);
        assertThat(body.has("next")).isFalse();
    }

    @Test
    void eventsArePagedWithACursorToTheOlderPage() {
        JsonNode first = get("/emulator/events?limit=2");
        JsonNode second = get("/emulator/events?limit=2&before=" + first.get("next").asLong());

        assertThat(first.get("events")).extracting(event -> event.get("sequence").asLong()).containsExactly(3L, 2L);
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(second.get("events")).extracting(event -> event.get("sequence").asLong()).containsExactly(1L);
        assertThat(second.has("next")).isFalse();
    }

    @Test
    void recordingsAreCappedAndWhatWasLetGoIsCounted() {
        try (SegmentEmulator small = SegmentEmulator.builder().maxRecorded(2).start()) {
            EmulatorClient smallClient = new EmulatorClient(small);
            for (String user : new String[] {"a", "b", "c"}) {
                smallClient.track("/track", "{\"userId\":\"" + user + "\",\"event\":\"E\"}");
            }

            assertThat(small.events()).extracting(TrackedEvent::sequence).containsExactly(2L, 3L);
            assertThat(small.trackingRequests()).hasSize(2);
            assertThat(small.evictedEvents()).isEqualTo(1);
            assertThat(EmulatorClient.json(smallClient.raw("GET", small.apiUrl() + "/emulator/events", null))
                    .get("evicted").asLong()).isEqualTo(1);
        }
    }

    @Test
    void acceptedMessageIdsAreRememberedTenTimesAsFarBackAsEvents() {
        try (SegmentEmulator small = SegmentEmulator.builder().maxRecorded(2).start()) {
            EmulatorClient smallClient = new EmulatorClient(small);
            for (int i = 0; i <= 20; i++) {
                smallClient.track("/track", "{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"m-" + i + "\"}");
            }

            smallClient.track("/track", "{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"m-20\"}");
            smallClient.track("/track", "{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"m-0\"}");

            assertThat(small.events()).extracting(TrackedEvent::messageId, TrackedEvent::accepted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("m-20", false),
                            org.assertj.core.groups.Tuple.tuple("m-0", true));
        }
    }

    @Test
    void apiCallsListPublicApiRequestsNewestFirstWithTheirOperationAndStatus() {
        client.api("GET", "/destinations/" + SegmentEmulator.DEMO_DESTINATION_ID, null);
        client.api("GET", "/destinations/nope", null);
        client.api("GET", "/nothing", null);

        JsonNode calls = get("/emulator/api-calls").get("calls");

        assertThat(calls).extracting(call -> call.get("status").asInt()).containsExactly(404, 404, 200);
        assertThat(calls.get(1).get("operation").asText()).isEqualTo("getDestination");
        assertThat(calls.get(0).get("operation").isNull()).isTrue();
        assertThat(get("/emulator/api-calls?after=2").get("calls")).hasSize(1);
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
    void theBrowsersFaviconRequestIsNeitherAPublicApiCallNorRecorded() {
        assertThat(client.raw("GET", emulator.apiUrl() + "/favicon.ico", null).statusCode()).isEqualTo(204);

        assertThat(emulator.publicApiRequests()).isEmpty();
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
