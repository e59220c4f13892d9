package io.camelsegment.segment.http;

import java.io.IOException;

/**
 * Told of every attempt a {@link SegmentTransport} made, retries included, on the thread that made it: for counters.
 * It must return quickly and never throw.
 */
public interface AttemptObserver {

    AttemptObserver NONE = new AttemptObserver() {
    };

    /** Segment answered attempt {@code attempt} (1 for the first) of {@code request}. */
    default void answered(SegmentRequest request, int attempt, SegmentResponse response) {
    }

    /** Attempt {@code attempt} of {@code request} got no answer. */
    default void noAnswer(SegmentRequest request, int attempt, IOException failure) {
    }
}
