package io.camelsegment.segment.http;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a request again.
 *
 * <p>
 * Retries follow Segment's own libraries: 408, 410, 429, 460 and 5xx except 501, 505 and 511, plus I/O failures; the
 * delay is Segment's hint when it gives one (Retry-After and the like), otherwise exponential backoff with jitter; no
 * retry starts once the total budget would be spent.
 *
 * @param maxRetries   retries after the first attempt; 0 disables retrying
 * @param initialDelay the backoff before the first retry, doubled for each further one
 * @param maxDelay     the longest backoff between two attempts
 * @param budget       the longest time from the first attempt to the start of the last one
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration budget) {

    private static final Set<Integer> NOT_RETRYABLE_SERVER_ERRORS = Set.of(501, 505, 511);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more but was " + maxRetries);
        }
    }

    public static boolean isRetryable(int status) {
        return status == 408 || status == 410 || status == 429 || status == 460
               || status >= 500 && status < 600 && !NOT_RETRYABLE_SERVER_ERRORS.contains(status);
    }

    /**
     * The wait before the next attempt, or empty when no attempt is left or the wait would overrun the budget.
     *
     * @param failedAttempts attempts made so far
     * @param hint           Segment's requested wait, if it gave one
     * @param elapsed        time since the first attempt started
     */
    public Optional<Duration> nextDelay(int failedAttempts, Optional<Duration> hint, Duration elapsed) {
        if (failedAttempts > maxRetries) {
            return Optional.empty();
        }
        Duration delay = hint.orElseGet(() -> backoff(failedAttempts));
        if (elapsed.plus(delay).compareTo(budget) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private Duration backoff(int failedAttempts) {
        long ceiling = initialDelay.toMillis() << Math.min(failedAttempts - 1, 30);
        long capped = Math.max(0, Math.min(ceiling, maxDelay.toMillis()));
        // equal jitter: at least half the backoff, so retries from many producers spread without collapsing to zero
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
