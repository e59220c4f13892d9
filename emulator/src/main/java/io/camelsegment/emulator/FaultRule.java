package io.camelsegment.emulator;

import java.time.Duration;
import java.util.Random;
import java.util.function.Predicate;

/**
 * One scripted fault, shaped by chaining: where it applies ({@link #onTracking()}, {@link #onPublicApi()},
 * {@link #onPath(String)}; everywhere by default) and what it does ({@link #status(int)} with an optional
 * {@link #retryAfterSeconds(long)}, {@link #delay(Duration)}, {@link #connectionReset()}). A rule that
 * does nothing yet is skipped, so requests arriving while it is being shaped pass untouched.
 */
public final class FaultRule {

    private final double share;
    private int remaining;
    private int applied;
    private Predicate<String> scope = path -> true;
    private Duration delay = Duration.ZERO;
    private int status;
    private long retryAfterSeconds = -1;
    private boolean connectionReset;

    FaultRule(int requests, double share) {
        this.remaining = requests;
        this.share = share;
    }

    /** Only requests whose path starts with the prefix, e.g. {@code /v1/track} or {@code /sources/}. */
    public FaultRule onPath(String prefix) {
        synchronized (this) {
            scope = path -> path.startsWith(prefix);
        }
        return this;
    }

    /** Only Tracking API requests ({@code /v1/...}). */
    public FaultRule onTracking() {
        return onPath(TrackingApi.PATH_PREFIX);
    }

    /** Only Public API requests (everything but {@code /v1/...}). */
    public FaultRule onPublicApi() {
        synchronized (this) {
            scope = path -> !path.startsWith(TrackingApi.PATH_PREFIX);
        }
        return this;
    }

    /**
     * Answer this status instead, with the body the API in question uses for it. A 429 carries
     * {@code Retry-After} (1 second unless {@link #retryAfterSeconds(long)} says otherwise); the Public API's
     * 429 body also holds {@code msBeforeNext}, {@code remainingPoints} and {@code consumedPoints}.
     */
    public FaultRule status(int httpStatus) {
        if (httpStatus < 100 || httpStatus > 999) {
            throw new IllegalArgumentException("Not an HTTP status: " + httpStatus);
        }
        synchronized (this) {
            status = httpStatus;
        }
        return this;
    }

    /** The Retry-After seconds to send with the status (also X-RateLimit-Reset on a tracking 429). */
    public FaultRule retryAfterSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative");
        }
        synchronized (this) {
            retryAfterSeconds = seconds;
        }
        return this;
    }

    /** Hold the request this long first; alone, the request is then answered normally. */
    public FaultRule delay(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        synchronized (this) {
            delay = wait;
        }
        return this;
    }

    /** Read the request, then close the connection without answering: the client sees an I/O error. */
    public FaultRule connectionReset() {
        synchronized (this) {
            connectionReset = true;
        }
        return this;
    }

    /** How many requests this rule has affected so far. */
    public synchronized int applied() {
        return applied;
    }

    synchronized boolean applies(String path) {
        boolean armed = status > 0 || connectionReset || !delay.isZero();
        return armed && remaining > 0 && scope.test(path);
    }

    /** Whether this request falls in the rule's share; rules covering every request draw nothing. */
    synchronized boolean draw(Random random) {
        return share >= 1.0 || random.nextDouble() < share;
    }

    synchronized Fault use() {
        remaining--;
        applied++;
        long retryAfter = retryAfterSeconds >= 0 ? retryAfterSeconds : status == 429 ? 1 : 0;
        return new Fault(delay, status, retryAfter, connectionReset);
    }
}
