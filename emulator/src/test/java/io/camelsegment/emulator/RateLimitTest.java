package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {

    private static final Instant START = Instant.parse("2024-06-15T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    private EmulatorClient client;

    /** One client per emulator: a new one per request would open a connection each time. */
    private HttpResponse<String> call(SegmentEmulator emulator) {
        if (client == null) {
            client = new EmulatorClient(emulator);
        }
        return client.api("GET", "/destinations/" + DEMO_DESTINATION_ID, null);
    }

    private SegmentEmulator limitedTo(int requestsPerMinute) {
        return SegmentEmulator.builder().rateLimitPerMinute(requestsPerMinute).clock(clock).start();
    }

    @Test
    void aRequestPastTheLimitIsAnswered429WithTheWaitInRetryAfterAndXRateLimitReset() {
        try (SegmentEmulator emulator = limitedTo(3)) {
            call(emulator);
            call(emulator);
            assertThat(call(emulator).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(20));

            HttpResponse<String> refused = call(emulator);

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
            assertThat(refused.headers().firstValue("X-RateLimit-Reset")).hasValueSatisfying(reset ->
                    assertThat(ZonedDateTime.parse(reset, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                            .isEqualTo(START.plusSeconds(60)));
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        }
    }

    @Test
    void the429BodyReportsThePointsReallyConsumed() {
        try (SegmentEmulator emulator = limitedTo(2)) {
            call(emulator);
            call(emulator);
            call(emulator);

            JsonNode error = EmulatorClient.json(call(emulator)).at("/errors/0");

            assertThat(error.get("type").asText()).isEqualTo("RequestError");
            assertThat(error.get("message").asText()).isEqualTo("Too many requests");
            assertThat(error.at("/data/consumedPoints").asInt()).isEqualTo(4);
            assertThat(error.at("/data/remainingPoints").asInt()).isZero();
            assertThat(error.at("/data/msBeforeNext").asLong()).isEqualTo(60_000);
        }
    }

    @Test
    void aRefusedRequestNeverReachesTheWorkspace() {
        try (SegmentEmulator emulator = limitedTo(1)) {
            call(emulator);

            client.api("DELETE", "/sources/" + SegmentEmulator.DEMO_MOBILE_SOURCE_ID, null);

            assertThat(emulator.source(SegmentEmulator.DEMO_MOBILE_SOURCE_ID)).isPresent();
            assertThat(emulator.publicApiRequests()).extracting(PublicApiRequest::status).containsExactly(200, 429);
        }
    }

    @Test
    void theNextWindowAnswersAgain() {
        try (SegmentEmulator emulator = limitedTo(1)) {
            call(emulator);
            assertThat(call(emulator).statusCode()).isEqualTo(429);

            clock.advance(Duration.ofMinutes(1));

            assertThat(call(emulator).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theDefaultLimitIs600RequestsAMinute() {
        try (SegmentEmulator emulator = SegmentEmulator.builder().clock(clock).start()) {
            assertThat(call(emulator).headers().firstValue("X-RateLimit-Remaining")).hasValue("599");
        }
        RateLimitWindow window = new RateLimitWindow(clock, RateLimitWindow.DEFAULT_POINTS_PER_MINUTE);
        for (int i = 0; i < 600; i++) {
            assertThat(window.consume()).isPresent();
        }
        assertThat(window.consume()).isEmpty();
    }

    @Test
    void aLimitOfZeroSwitchesTheLimitOff() {
        try (SegmentEmulator emulator = limitedTo(0)) {
            assertThat(call(emulator).statusCode()).isEqualTo(200);
            assertThat(call(emulator).statusCode()).isEqualTo(200);
        }
        RateLimitWindow off = new RateLimitWindow(clock, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(off.consume()).isPresent();
        }
    }

    @Test
    void resetStartsAFreshWindow() {
        try (SegmentEmulator emulator = limitedTo(1)) {
            call(emulator);

            emulator.reset();

            assertThat(call(emulator).statusCode()).isEqualTo(200);
        }
    }
}
