package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest extends EmulatorTestSupport {

    private static final String TRACK = "{\"userId\":\"u1\",\"event\":\"A\"}";
    private static final String SETTINGS = "/sources/" + DEMO_SOURCE_ID + "/settings";


    @Test
    void tracking429CarriesRetryAfterAndRateLimitReset() {
        emulator.faults().next(1).status(429).retryAfterSeconds(3);

        HttpResponse<String> response = client.track("/track", TRACK);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue("3");
        assertThat(emulator.events()).isEmpty();
        assertThat(emulator.trackingRequests().get(0).fault()).isEqualTo("status:429");
    }

    @Test
    void publicApi429CarriesSegmentsRateLimitBodyAndRetryAfter() {
        emulator.faults().next(1).status(429).retryAfterSeconds(2);

        HttpResponse<String> response = client.api("GET", SETTINGS, null);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        JsonNode error = EmulatorClient.json(response).at("/errors/0");
        assertThat(error.get("type").asText()).isEqualTo("RequestError");
        assertThat(error.get("message").asText()).isEqualTo("Too many requests");
        assertThat(error.at("/data/msBeforeNext").asLong()).isEqualTo(2000);
        assertThat(error.at("/data/remainingPoints").asInt()).isZero();
        assertThat(error.at("/data/consumedPoints").isNumber()).isTrue();
    }

    @Test
    void status429WithoutRetryAfterStillSendsOneSecond() {
        emulator.faults().next(1).status(429);

        assertThat(client.track("/track", TRACK).headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void status460IsAnsweredAsScripted() {
        emulator.faults().next(1).status(460);

        HttpResponse<String> response = client.track("/track", TRACK);

        assertThat(response.statusCode()).isEqualTo(460);
        assertThat(EmulatorClient.json(response).get("success").asBoolean()).isFalse();
    }

    @Test
    void status503OnThePublicApiUsesTheErrorEnvelope() {
        emulator.faults().next(1).status(503);

        HttpResponse<String> response = client.api("GET", SETTINGS, null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("InternalServerError");
    }

    @Test
    void delayHoldsTheAnswerThenAnswersNormally() {
        emulator.faults().next(1).delay(Duration.ofMillis(600));

        long start = System.nanoTime();
        HttpResponse<String> response = client.track("/track", TRACK);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(600);
        assertThat(emulator.acceptedEvents()).hasSize(1);
    }

    @Test
    void connectionResetGivesTheClientAnIoError() {
        emulator.faults().next(1).connectionReset();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.trackingUrl() + "/track"))
                .POST(HttpRequest.BodyPublishers.ofString(TRACK))
                .header("Authorization", EmulatorClient.basic("k"))
                .build();

        assertThatThrownBy(() -> client.sendOrThrow(request)).isInstanceOf(IOException.class);
        assertThat(emulator.events()).isEmpty();
        assertThat(emulator.trackingRequests()).singleElement().satisfies(recorded -> {
            assertThat(recorded.status()).isZero();
            assertThat(recorded.fault()).isEqualTo("connection_reset");
        });
        assertThat(client.track("/track", TRACK).statusCode()).isEqualTo(200);
    }

    @Test
    void nextNAppliesToExactlyNRequests() {
        FaultRule rule = emulator.faults().next(3).status(503);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(client.track("/track", TRACK).statusCode());
        }

        assertThat(statuses).containsExactly(503, 503, 503, 200, 200);
        assertThat(rule.applied()).isEqualTo(3);
    }

    @Test
    void ratioAppliesToAboutThatShareAndRepeatsWithTheSameSeed() {
        List<Integer> first = ratioRun();
        List<Integer> second = ratioRun();

        long faulted = first.stream().filter(status -> status == 503).count();
        assertThat(faulted).isBetween(15L, 45L);
        assertThat(second).isEqualTo(first);
    }

    private static List<Integer> ratioRun() {
        try (SegmentEmulator seeded = SegmentEmulator.builder().faultSeed(7).start()) {
            seeded.faults().ratio(0.3).status(503);
            EmulatorClient seededClient = new EmulatorClient(seeded);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                statuses.add(seededClient.track("/track", TRACK).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void onPublicApiLeavesTheTrackingApiAlone() {
        emulator.faults().always().onPublicApi().status(500);

        assertThat(client.track("/track", TRACK).statusCode()).isEqualTo(200);
        assertThat(client.api("GET", SETTINGS, null).statusCode()).isEqualTo(500);
    }

    @Test
    void onTrackingLeavesThePublicApiAlone() {
        emulator.faults().always().onTracking().status(500);

        assertThat(client.api("GET", SETTINGS, null).statusCode()).isEqualTo(200);
        assertThat(client.track("/track", TRACK).statusCode()).isEqualTo(500);
    }

    @Test
    void onPathLimitsTheRuleToThatPrefix() {
        emulator.faults().always().onPath("/v1/batch").status(502);

        assertThat(client.track("/track", TRACK).statusCode()).isEqualTo(200);
        assertThat(client.track("/batch", "{\"batch\":[]}").statusCode()).isEqualTo(502);
    }

    @Test
    void faultsNeverTouchTheEmulatorsOwnEndpoints() {
        emulator.faults().always().status(500);

        assertThat(client.raw("GET", emulator.apiUrl() + "/emulator/events", null).statusCode()).isEqualTo(200);
        assertThat(client.raw("GET", emulator.debuggerUrl(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void clearRemovesEveryRule() {
        emulator.faults().always().status(500);
        emulator.faults().clear();

        assertThat(client.track("/track", TRACK).statusCode()).isEqualTo(200);
    }
}
