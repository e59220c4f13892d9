package io.camelsegment.emulator;

import java.time.Duration;

/**
 * What a fault rule does to one request: wait, then answer a status, drop the connection, or (with only
 * a delay) let the request through late.
 *
 * @param delay             how long to hold the request first ({@link Duration#ZERO} for none)
 * @param status            the status to answer instead of the real one, or 0 to answer normally
 * @param retryAfterSeconds the Retry-After to send with the status, or 0 for none
 * @param connectionReset   whether to close the connection without answering
 */
record Fault(Duration delay, int status, long retryAfterSeconds, boolean connectionReset) {

    /** How the fault appears in the recorded requests. */
    String describe() {
        String what = connectionReset ? "connection_reset" : status > 0 ? "status:" + status : "";
        if (delay.isZero()) {
            return what;
        }
        String late = "delay:" + delay.toMillis() + "ms";
        return what.isEmpty() ? late : late + "," + what;
    }

    /** The standard reason phrase; 460 is Segment's own code for a transient failure worth retrying. */
    String reason() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too many requests";
            case 460 -> "Temporary failure; retry with backoff";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            case 511 -> "Network Authentication Required";
            default -> "Scripted fault " + status;
        };
    }

    /** The Public API's error type for the status. */
    String errorType() {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 422 -> "ValidationFailure";
            default -> status >= 500 ? "InternalServerError" : "RequestError";
        };
    }
}
