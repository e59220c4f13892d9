package io.camelsegment.segment;

/**
 * Where a Segment workspace lives. Events sent to the other region's host are accepted and silently lost, so both
 * hosts switch together.
 */
public enum SegmentRegion {

    US("https://api.segment.io/v1", "https://api.segmentapis.com"),
    EU("https://events.eu1.segmentapis.com/v1", "https://eu1.api.segmentapis.com");

    private final String trackingUrl;
    private final String apiUrl;

    SegmentRegion(String trackingUrl, String apiUrl) {
        this.trackingUrl = trackingUrl;
        this.apiUrl = apiUrl;
    }

    /** The Tracking API base URL of the region. */
    public String trackingUrl() {
        return trackingUrl;
    }

    /** The Public API base URL of the region. */
    public String apiUrl() {
        return apiUrl;
    }

    /**
     * The region by its name, {@code us} or {@code eu}, in any case.
     *
     * @throws IllegalArgumentException naming the allowed values, for any other name
     */
    public static SegmentRegion fromName(String name) {
        for (SegmentRegion region : values()) {
            if (region.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return region;
            }
        }
        throw new IllegalArgumentException("region must be us or eu but was '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
