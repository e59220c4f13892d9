package io.camelsegment.segment.tracking;

/** What a delivery queue does with an event that finds it full, in events or in bytes. */
public enum QueueFullPolicy {

    /** Refuses the event at once with a SegmentQueueFullException: no caller ever waits. */
    FAIL,
    /** Parks the caller's thread until room appears, at most queueFullTimeout, then refuses the event as FAIL does. */
    BLOCK;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
