package io.camelsegment.segment;

/**
 * A batched event was refused because its delivery queue already holds {@code queueCapacity} events not yet accepted by
 * Segment: nothing was queued or sent, and the exchange may be retried later (Segment is slow or unreachable).
 */
public class SegmentQueueFullException extends SegmentException {

    public SegmentQueueFullException(String message) {
        super(message);
    }
}
