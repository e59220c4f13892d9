package io.camelsegment.segment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.camelsegment.segment.http.SegmentRequest;
import io.camelsegment.segment.publicapi.PublicApiCall;
import io.camelsegment.segment.publicapi.PublicApiRequests;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Delivery metrics windows Segment refuses are refused before sending: MINUTE at most 4 hours long and 48 hours back,
 * HOUR 7 days and 7 days, DAY 14 days and 14 days; without a startTime Segment picks the window.
 */
class DeliveryMetricsWindowTest extends SegmentTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final PublicApiCall METRICS
            = SegmentOperation.LIST_DELIVERY_METRICS_SUMMARY_FROM_DESTINATION.publicApiCall().orElseThrow();
    private static final PublicApiRequests REQUESTS = new PublicApiRequests(JSON, Clock.fixed(NOW, ZoneOffset.UTC));

    /** Builds the request for a window; {@code null} values are left out. */
    private static SegmentRequest window(String granularity, Duration startAgo, Duration endAgo) {
        Map<String, Object> options = new HashMap<>(Map.of("destinationId", "d", "sourceId", "s"));
        if (granularity != null) {
            options.put("granularity", granularity);
        }
        if (startAgo != null) {
            options.put("startTime", NOW.minus(startAgo).toString());
        }
        if (endAgo != null) {
            options.put("endTime", NOW.minus(endAgo).toString());
        }
        return REQUESTS.build("listDeliveryMetricsSummaryFromDestination", METRICS, "http://segment", TOKEN, null,
                options::get, null);
    }

    private static String refusal(String granularity, Duration startAgo, Duration endAgo) {
        return catchThrowableOfType(() -> window(granularity, startAgo, endAgo), SegmentValidationException.class)
                .getMessage();
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    @Test
    void aMinuteWindowOf4HoursIsSent() {
        assertThat(window("MINUTE", hours(5), hours(1)).uri().getQuery()).contains("granularity=MINUTE");
    }

    @Test
    void aMinuteWindowLongerThan4HoursIsRefused() {
        assertThat(refusal("MINUTE", hours(10), hours(0))).isEqualTo("Segment listDeliveryMetricsSummaryFromDestination"
                                                                     + " was not sent: MINUTE windows span at most 4 hours,"
                                                                     + " but startTime to endTime is longer");
    }

    @Test
    void aMinuteWindowStartingMoreThan48HoursAgoIsRefused() {
        assertThat(refusal("MINUTE", hours(49), hours(47)))
                .endsWith("was not sent: MINUTE windows start at most 48 hours ago, but startTime is earlier");
    }

    @Test
    void anHourWindowLongerThan7DaysIsRefused() {
        assertThat(refusal("HOUR", days(7).minusHours(1), hours(-2)))
                .endsWith("was not sent: HOUR windows span at most 7 days, but startTime to endTime is longer");
    }

    @Test
    void anHourWindowStartingMoreThan7DaysAgoIsRefused() {
        assertThat(refusal("HOUR", days(8), days(7).minusHours(1)))
                .endsWith("HOUR windows start at most 7 days ago, but startTime is earlier");
    }

    @Test
    void aDayWindowLongerThan14DaysIsRefused() {
        assertThat(refusal("DAY", days(14), days(-1))).endsWith("DAY windows span at most 14 days, but startTime to endTime"
                                                                + " is longer");
    }

    @Test
    void aDayWindowStartingMoreThan14DaysAgoIsRefused() {
        assertThat(refusal("DAY", days(15), days(10))).endsWith("DAY windows start at most 14 days ago, but startTime is"
                                                                + " earlier");
    }

    @Test
    void aDayWindowOf14DaysIsSent() {
        assertThat(window("DAY", days(14), days(0)).uri().getQuery()).contains("granularity=DAY");
    }

    @Test
    void withoutGranularityTheWindowIsAMinuteWindow() {
        assertThat(refusal(null, hours(6), hours(1))).endsWith("MINUTE windows span at most 4 hours, but startTime to"
                                                               + " endTime is longer");
    }

    @Test
    void withoutEndTimeTheWindowEndsNow() {
        assertThat(refusal("MINUTE", hours(5), null)).endsWith("MINUTE windows span at most 4 hours, but startTime to now"
                                                               + " is longer");
    }

    @Test
    void anEndTimeBeforeTheStartTimeIsRefused() {
        assertThat(refusal("HOUR", hours(2), hours(3))).endsWith("was not sent: endTime must not be before startTime");
    }

    @Test
    void withoutStartTimeSegmentPicksTheWindow() {
        assertThat(window("DAY", null, days(40)).uri().getQuery()).doesNotContain("startTime");
    }

    @Test
    void aRefusedWindowIsNeverSent() {
        Instant now = Instant.now();

        Exchange exchange = send(publicApi("listDeliveryMetricsSummaryFromDestination", "destinationId=d&sourceId=s"
                                                                                       + "&startTime=" + now.minus(hours(10))
                                                                                       + "&endTime=" + now),
                null);

        assertThat(exchange.getException()).isInstanceOf(SegmentValidationException.class)
                .hasMessageEndingWith("MINUTE windows span at most 4 hours, but startTime to endTime is longer");
        assertThat(requests()).isEmpty();
    }
}
