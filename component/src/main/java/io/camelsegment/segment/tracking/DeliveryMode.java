package io.camelsegment.segment.tracking;

/** How identify, track, page, screen, group and alias messages reach Segment. */
public enum DeliveryMode {

    /** One request per exchange, to the operation's own path. */
    DIRECT,
    /** Queued with other exchanges' messages and sent to /batch; the exchange ends when Segment accepted that batch. */
    BATCHED,
    /**
     * Queued and sent as in BATCHED, but the exchange ends once its message is queued; what Segment finally refuses, or
     * a stop gives up on, goes to the failure endpoint (or the log) and a counter.
     */
    BACKGROUND;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
