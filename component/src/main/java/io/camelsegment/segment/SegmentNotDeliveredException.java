package io.camelsegment.segment;

/**
 * A batched event was queued but the component stopped before Segment accepted the batch holding it, within
 * {@code shutdownTimeout}. Segment may still have received it: a redelivery of the exchange reuses its messageId, so
 * Segment deduplicates it.
 */
public class SegmentNotDeliveredException extends SegmentException {

    public SegmentNotDeliveredException(String message) {
        super(message);
    }

    /**
     * A stop makes one for each event it gives up on, thousands at a time, and where the stop ran says nothing about
     * the event: the message says it all, and the stop stays quick.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
