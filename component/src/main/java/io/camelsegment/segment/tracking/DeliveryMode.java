package io.camelsegment.segment.tracking;

/** How identify, track, page, screen, group and alias messages reach Segment. */
public enum DeliveryMode {

    /** One request per exchange, to the operation's own path. */
    DIRECT,
    /** Queued with other exchanges' messages and sent to /batch; the exchange ends when Segment accepted that batch. */
    BATCHED;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
