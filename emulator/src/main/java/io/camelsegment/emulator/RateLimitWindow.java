package io.camelsegment.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Public API's rate limit: one point per request in a one-minute window, 600 points by default (a
 * figure Segment does not publish). Within the limit a request is answered with the {@code X-RateLimit-*}
 * figures; past it, with Segment's 429. A limit of 0 counts and reports but never refuses.
 */
final class RateLimitWindow {

    static final int DEFAULT_POINTS_PER_MINUTE = 600;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final int pointsPerWindow;
    private Instant windowEnd = Instant.EPOCH;
    private int consumed;

    RateLimitWindow(Clock clock, int pointsPerWindow) {
        this.clock = clock;
        this.pointsPerWindow = pointsPerWindow;
    }

    /**
     * Counts one request: the headers to send with its answer, or empty when the window is used up and the
     * request must be refused. A refused request still counts, as Segment's consumedPoints shows.
     */
    synchronized Optional<Map<String, String>> consume() {
        roll();
        consumed++;
        if (pointsPerWindow > 0 && consumed > pointsPerWindow) {
            return Optional.empty();
        }
        return Optional.of(headers());
    }

    synchronized int consumed() {
        roll();
        return consumed;
    }

    synchronized long millisUntilReset() {
        roll();
        return Math.max(0, Duration.between(clock.instant(), windowEnd).toMillis());
    }

    /** The headers of a 429: the wait in whole seconds (rounded up, at least 1) and the window's figures. */
    synchronized Map<String, String> refusalHeaders() {
        Map<String, String> headers = headers();
        headers.put("Retry-After", Long.toString(Math.max(1, (millisUntilReset() + 999) / 1000)));
        return headers;
    }

    synchronized void reset() {
        windowEnd = Instant.EPOCH;
        consumed = 0;
    }

    private void roll() {
        Instant now = clock.instant();
        if (!now.isBefore(windowEnd)) {
            windowEnd = now.plus(WINDOW);
            consumed = 0;
        }
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Consumed", Integer.toString(consumed));
        int remaining = pointsPerWindow > 0 ? pointsPerWindow - consumed : DEFAULT_POINTS_PER_MINUTE - consumed;
        headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
        // Segment sends the reset time as an RFC 5322 date.
        headers.put("X-RateLimit-Reset", DateTimeFormatter.RFC_1123_DATE_TIME.format(windowEnd.atOffset(ZoneOffset.UTC)));
        return headers;
    }
}
