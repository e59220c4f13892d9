package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_DESTINATION_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** Segment's window limits, against a fixed "now" of 2024-06-15T12:00Z. */
class DeliveryMetricsWindowTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    @RegisterExtension
    static SegmentEmulatorExtension segment = new SegmentEmulatorExtension(
            SegmentEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    private static HttpResponse<String> metrics(String granularity, String start, String end) {
        String query = "?sourceId=" + DEMO_SOURCE_ID + "&granularity=" + granularity
                + (start == null ? "" : "&startTime=" + start) + (end == null ? "" : "&endTime=" + end);
        return new EmulatorClient(segment.emulator()).api("GET", "/destinations/" + DEMO_DESTINATION_ID
                + "/delivery-metrics" + query, null, "Accept", "application/vnd.segment.v1beta+json");
    }

    private static void assertRefused(HttpResponse<String> response, String messagePart) {
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(EmulatorClient.json(response).at("/errors/0/type").asText()).isEqualTo("ValidationFailure");
        assertThat(EmulatorClient.json(response).at("/errors/0/message").asText()).contains(messagePart);
    }

    @Test
    void minuteWindowOfFourHoursIsAnswered() {
        assertThat(metrics("MINUTE", "2024-06-15T08:00:00Z", "2024-06-15T12:00:00Z").statusCode()).isEqualTo(200);
    }

    @Test
    void minuteWindowOverFourHoursIsRefused() {
        assertRefused(metrics("MINUTE", "2024-06-15T02:00:00Z", "2024-06-15T12:00:00Z"), "4 hours");
    }

    @Test
    void minuteWindowStartingMoreThan48HoursAgoIsRefused() {
        assertRefused(metrics("MINUTE", "2024-06-13T11:00:00Z", "2024-06-13T12:00:00Z"), "2 days");
    }

    @Test
    void minuteWindowWithoutEndTimeRunsToNow() {
        assertRefused(metrics("MINUTE", "2024-06-15T07:00:00Z", null), "4 hours");
    }

    @Test
    void hourWindowOverSevenDaysIsRefused() {
        assertRefused(metrics("HOUR", "2024-06-08T13:00:00Z", "2024-06-15T14:00:00Z"), "7 days");
    }

    @Test
    void hourWindowStartingMoreThanSevenDaysAgoIsRefused() {
        assertRefused(metrics("HOUR", "2024-06-08T11:00:00Z", "2024-06-08T12:00:00Z"), "7 days");
    }

    @Test
    void dayWindowOfFourteenDaysIsAnswered() {
        assertThat(metrics("DAY", "2024-06-01T12:00:00Z", "2024-06-15T12:00:00Z").statusCode()).isEqualTo(200);
    }

    @Test
    void dayWindowOfSixtyDaysIsRefused() {
        assertRefused(metrics("DAY", "2024-04-16T12:00:00Z", "2024-06-15T12:00:00Z"), "14 days");
    }

    @Test
    void dayWindowStartingMoreThanFourteenDaysAgoIsRefused() {
        assertRefused(metrics("DAY", "2024-05-30T00:00:00Z", "2024-05-31T00:00:00Z"), "14 days");
    }

    @Test
    void withoutStartTimeSegmentPicksTheDefaultWindowSoNothingIsRefused() {
        assertThat(metrics("DAY", null, null).statusCode()).isEqualTo(200);
    }
}
