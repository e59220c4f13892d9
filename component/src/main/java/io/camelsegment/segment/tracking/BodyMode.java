package io.camelsegment.segment.tracking;

/** How a Tracking API call reads the exchange body. */
public enum BodyMode {

    /** The body is the whole Segment message; options and headers fill in what it leaves out. */
    MESSAGE,
    /** The body is only the payload: {@code properties} for track, page and screen, {@code traits} for identify and group. */
    PAYLOAD;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
