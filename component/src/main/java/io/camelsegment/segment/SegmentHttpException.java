package io.camelsegment.segment;

import java.util.List;

/**
 * Segment answered with an error status, or did not answer at all, after every retry allowed.
 *
 * <p>
 * The message names the operation and the path template, never the resolved URL: a path may hold a write key.
 */
public class SegmentHttpException extends SegmentException {

    private final int statusCode;
    private final transient List<SegmentError> errors;
    private final boolean retryable;
    private final int attempts;
    private final boolean outcomeUnknown;

    public SegmentHttpException(String message, int statusCode, List<SegmentError> errors, boolean retryable, int attempts,
                                Throwable cause) {
        this(message, statusCode, errors, retryable, attempts, false, cause);
    }

    public SegmentHttpException(String message, int statusCode, List<SegmentError> errors, boolean retryable, int attempts,
                                boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
        this.retryable = retryable;
        this.attempts = attempts;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The HTTP status Segment answered with, or 0 when no answer arrived (connection or timeout failure). */
    public int getStatusCode() {
        return statusCode;
    }

    /** Segment's {@code errors[]}; empty when the answer carried none. */
    public List<SegmentError> getErrors() {
        return errors;
    }

    /** Whether the failure is one that a later attempt may overcome (429, 5xx, I/O, ...). */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Whether Segment may have applied the request although the call failed: a call that cannot safely be sent twice
     * (deleteSource, updateSource, ...) met a failure after it reached Segment, so it was not retried. Check the state
     * in Segment before sending it again.
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    /** How many attempts were made before giving up. */
    public int getAttempts() {
        return attempts;
    }
}
