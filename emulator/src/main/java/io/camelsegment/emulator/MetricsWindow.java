package io.camelsegment.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Segment's limits on a delivery-metrics window, per granularity: how wide it may be and how far back it
 * may start. Only an explicit {@code startTime} is checked; without one Segment picks its own default start.
 */
enum MetricsWindow {

    MINUTE(Duration.ofHours(4), Duration.ofHours(48)),
    HOUR(Duration.ofDays(7), Duration.ofDays(7)),
    DAY(Duration.ofDays(14), Duration.ofDays(14));

    private final Duration maxWidth;
    private final Duration maxAge;

    MetricsWindow(Duration maxWidth, Duration maxAge) {
        this.maxWidth = maxWidth;
        this.maxAge = maxAge;
    }

    /** The granularity named in the query (MINUTE when absent), or a 422. */
    static MetricsWindow of(String granularity) {
        if (granularity == null) {
            return MINUTE;
        }
        return Arrays.stream(values()).filter(window -> window.name().equals(granularity)).findFirst()
                .orElseThrow(() -> ApiError.validation("granularity must be DAY, HOUR or MINUTE, got '" + granularity + "'"));
    }

    /**
     * Refuses a window Segment would refuse, with a 422 naming the limit.
     *
     * @param start the caller's startTime, or null to leave the default start to Segment
     * @param end   the caller's endTime, or null for now
     */
    void check(OffsetDateTime start, OffsetDateTime end, Instant now) {
        if (start == null) {
            return;
        }
        Instant from = start.toInstant();
        Instant to = end == null ? now : end.toInstant();
        if (from.isBefore(now.minus(maxAge))) {
            throw ApiError.validation("startTime must not be more than " + describe(maxAge) + " ago for "
                    + name() + " granularity");
        }
        if (Duration.between(from, to).compareTo(maxWidth) > 0) {
            throw ApiError.validation("The window from startTime to endTime must not be longer than "
                    + describe(maxWidth) + " for " + name() + " granularity");
        }
    }

    private static String describe(Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toHours() + " hours";
    }
}
