package io.camelsegment.segment.tracking;

/**
 * How a write key is shown where people look (JMX, health checks): its last four characters, as Segment's own pages and
 * the emulator show it, and nothing of a key too short to spare them.
 */
public record MaskedWriteKey(String shown) {

    /** Keys shorter than this show no character at all: four of six would give most of the key away. */
    private static final int SHORTEST_SHOWN = 12;

    public static MaskedWriteKey of(String writeKey) {
        if (writeKey == null || writeKey.length() < SHORTEST_SHOWN) {
            return new MaskedWriteKey("xxxxxx");
        }
        return new MaskedWriteKey("xxxxxx" + writeKey.substring(writeKey.length() - 4));
    }

    @Override
    public String toString() {
        return shown;
    }
}
