package io.camelsegment.segment;

import java.util.Map;

/**
 * One entry of the {@code errors[]} array Segment answers a failed Public API call with.
 *
 * @param type    Segment's error type, e.g. {@code NotFound} or {@code ValidationFailure}
 * @param message Segment's explanation
 * @param field   the input field at fault, when Segment names one
 * @param data    extra figures, e.g. {@code msBeforeNext} on a 429
 */
public record SegmentError(String type, String message, String field, Map<String, Object> data) {

    public SegmentError {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    @Override
    public String toString() {
        return (type == null ? "Error" : type) + (field == null ? "" : " (" + field + ")")
               + (message == null ? "" : ": " + message);
    }
}
