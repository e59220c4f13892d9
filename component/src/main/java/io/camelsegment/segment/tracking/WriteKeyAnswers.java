package io.camelsegment.segment.tracking;

/**
 * Told of Segment's final answer to every Tracking API request, by write key: what a health check needs to know
 * whether Segment still takes a key. It must return quickly and never throw.
 */
@FunctionalInterface
public interface WriteKeyAnswers {

    WriteKeyAnswers NONE = (writeKey, status) -> {
    };

    /** Segment answered {@code status} to a request sent with {@code writeKey}. */
    void answered(String writeKey, int status);
}
