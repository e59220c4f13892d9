package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class PublicApiAuthTest extends EmulatorTestSupport {

    private String settingsUrl() {
        return emulator.apiUrl() + "/sources/" + DEMO_SOURCE_ID + "/settings";
    }

    @Test
    void missingAuthorizationIsAnswered401WithAnUnauthorizedError() {
        HttpResponse<String> response = client.raw("GET", settingsUrl(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = EmulatorClient.json(response).get("errors").get(0);
        assertThat(error.get("type").asText()).isEqualTo("Unauthorized");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void blankBearerTokenIsAnswered401() {
        assertThat(client.raw("GET", settingsUrl(), null, "Authorization", "Bearer  ").statusCode()).isEqualTo(401);
    }

    @Test
    void basicAuthIsNotAPublicApiToken() {
        assertThat(client.raw("GET", settingsUrl(), null, "Authorization", EmulatorClient.basic("k")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aMadeUpTokenIsAnswered401ByDefault() {
        HttpResponse<String> response = client.raw("GET", settingsUrl(), null, "Authorization", "Bearer whatever");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void theTokenTheEmulatorMadeUpIsAccepted() {
        assertThat(emulator.token()).startsWith("sgp_emulator_").isNotEqualTo(SegmentEmulator.DEMO_TOKEN);
        assertThat(client.raw("GET", settingsUrl(), null, "Authorization", "Bearer " + emulator.token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void eachEmulatorMakesUpItsOwnToken() {
        try (SegmentEmulator other = SegmentEmulator.start()) {
            assertThat(other.token()).isNotEqualTo(emulator.token());
        }
    }

    @Test
    void expectedTokenRejectsAnyOtherToken() {
        try (SegmentEmulator strict = SegmentEmulator.builder().expectedToken("right-token").start()) {
            EmulatorClient strictClient = new EmulatorClient(strict);
            String url = strict.apiUrl() + "/sources/" + DEMO_SOURCE_ID + "/settings";

            assertThat(strictClient.raw("GET", url, null, "Authorization", "Bearer wrong-token").statusCode()).isEqualTo(401);
            assertThat(strictClient.raw("GET", url, null, "Authorization", "Bearer right-token").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void successCarriesTheRateLimitHeaders() {
        client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/settings", null);
        HttpResponse<String> response = client.api("GET", "/sources/" + DEMO_SOURCE_ID + "/settings", null);

        assertThat(response.headers().firstValue("X-RateLimit-Consumed")).hasValue("2");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("598");
        assertThat(response.headers().firstValue("X-RateLimit-Reset"))
                .hasValueSatisfying(reset -> assertThat(ZonedDateTime.parse(reset, DateTimeFormatter.RFC_1123_DATE_TIME))
                        .isAfter(ZonedDateTime.now().minusSeconds(5)));
    }

    @Test
    void unknownEndpointIsAnswered404NotFound() {
        HttpResponse<String> response = client.api("GET", "/nothing/here", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("NotFound");
    }

    @Test
    void publicApiRequestsAreRecordedWithoutTheToken() {
        client.api("PATCH", "/sources/" + DEMO_SOURCE_ID + "?x=1", "{\"name\":\"Renamed\"}", "User-Agent", "test-agent");

        PublicApiRequest request = emulator.publicApiRequests().get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.rawPath()).isEqualTo("/sources/" + DEMO_SOURCE_ID);
        assertThat(request.query()).isEqualTo("x=1");
        assertThat(request.body()).isEqualTo("{\"name\":\"Renamed\"}");
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.header("User-Agent")).isEqualTo("test-agent");
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.toString()).doesNotContain(emulator.token());
    }
}
