package io.camelsegment.segment.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the senders of one delivery queue may send now: Segment's 429 says when its rate-limit window resets, and
 * every sender of the queue waits for that reset rather than each batch discovering the limit with a 429 of its own.
 *
 * <p>
 * Only a 429 that says when to come back closes the gate (Retry-After in seconds or as an HTTP date, or
 * X-RateLimit-Reset, as {@link RetryHint} reads them); a 429 without one is retried by its own request's backoff. A
 * later reset extends a pause, an earlier one never shortens it.
 */
public final class RateLimitGate {

    private final Clock clock;
    private final boolean shared;
    private Instant closedUntil = Instant.MIN;
    private long pauses;

    private RateLimitGate(Clock clock, boolean shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** A gate for the senders of one queue. */
    public static RateLimitGate of(Clock clock) {
        return new RateLimitGate(clock, true);
    }

    /** A gate that never closes: each request of a direct-mode producer learns of a 429 alone, as it always did. */
    public static RateLimitGate never() {
        return new RateLimitGate(Clock.systemUTC(), false);
    }

    /** Segment answered 429 and asked for {@code wait}: nothing is sent through this gate until then. */
    public synchronized void rateLimited(Duration wait) {
        if (!shared || wait.isNegative() || wait.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(wait);
        if (!until.isAfter(closedUntil)) {
            return;
        }
        if (!closedUntil.isAfter(now)) {
            pauses++; // a new pause; a later reset arriving during one only lengthens it
        }
        closedUntil = until;
    }

    /** How long a send must still wait; zero when the gate is open. */
    public synchronized Duration remaining() {
        Instant now = clock.instant();
        return closedUntil.isAfter(now) ? Duration.between(now, closedUntil) : Duration.ZERO;
    }

    /** How many times a 429 closed the gate while it was open. */
    public synchronized long pauses() {
        return pauses;
    }
}
