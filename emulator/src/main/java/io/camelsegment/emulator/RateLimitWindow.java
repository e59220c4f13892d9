package io.camelsegment.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Public API's rate-limit figures. Segment reports them on every answer; the emulator counts
 * requests per one-minute window against 600 points (a figure Segment does not publish) and reports them,
 * but never refuses on its own: 429s come from scripted faults, so tests decide when they happen.
 */
final class RateLimitWindow {

    static final int POINTS_PER_WINDOW = 600;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private Instant windowEnd = Instant.EPOCH;
    private int consumed;

    RateLimitWindow(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request and returns the headers to send with its answer. */
    synchronized Map<String, String> consume() {
        roll();
        consumed++;
        return headers();
    }

    synchronized int consumed() {
        roll();
        return consumed;
    }

    synchronized long millisUntilReset() {
        roll();
        return Math.max(0, Duration.between(clock.instant(), windowEnd).toMillis());
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
        headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, POINTS_PER_WINDOW - consumed)));
        // Segment sends the reset time as an RFC 5322 date.
        headers.put("X-RateLimit-Reset", DateTimeFormatter.RFC_1123_DATE_TIME.format(windowEnd.atOffset(ZoneOffset.UTC)));
        return headers;
    }
}
