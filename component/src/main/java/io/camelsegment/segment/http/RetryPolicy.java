package io.camelsegment.segment.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hc.client5.http.ConnectTimeoutException;

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
 * @param budget       the longest time a call may take, from the start of its first attempt to the end of its last
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration budget) {

    /** How failure messages say that a request that cannot safely be sent twice may have been applied. */
    public static final String OUTCOME_UNKNOWN = "the outcome is unknown: Segment may have applied it, so it was not sent again";

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

    /** Whether Segment's answer lets the request be sent again. */
    public static boolean isRetryable(SegmentRequest request, SegmentResponse response) {
        int status = response.status();
        return isRetryable(status) && (request.idempotent() || status == 429
                                       || status == 503 && response.header("Retry-After").isPresent());
    }

    /** Whether a failure without answer lets the request be sent again. */
    public static boolean isRetryable(SegmentRequest request, IOException failure) {
        return request.idempotent() || notConnected(failure);
    }

    /** Whether a failed answer would have been retried, had the request been idempotent: Segment may have applied it. */
    public static boolean isOutcomeUnknown(SegmentRequest request, SegmentResponse response) {
        return isRetryable(response.status()) && !isRetryable(request, response);
    }

    /** The failure happened before any byte of the request could reach Segment. */
    private static boolean notConnected(IOException failure) {
        return failure instanceof ConnectException || failure instanceof ConnectTimeoutException
               || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException;
    }

    /**
     * How long the next attempt may take: the attempt timeout, cut short by what is left of the budget.
     *
     * @param elapsed time since the first attempt started
     */
    public Duration attemptDeadline(Duration attemptTimeout, Duration elapsed) {
        Duration left = budget.minus(elapsed);
        return left.compareTo(attemptTimeout) < 0 ? (left.isNegative() ? Duration.ZERO : left) : attemptTimeout;
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
