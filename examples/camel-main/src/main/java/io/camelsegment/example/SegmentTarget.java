package io.camelsegment.example;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;

/**
 * Where the demo sends: real Segment when {@code SEGMENT_WRITE_KEY} and {@code SEGMENT_TOKEN} are set, otherwise an
 * emulator started in this JVM.
 *
 * @param writeKey   the source's write key
 * @param token      the Public API token
 * @param region     us or eu
 * @param sourceId   the source the Public API steps act on
 * @param emulator   the embedded emulator, or {@code null} when talking to real Segment
 */
record SegmentTarget(String writeKey, String token, String region, String sourceId, SegmentEmulator emulator) {

    static SegmentTarget from(Map<String, String> env) {
        String writeKey = env.get("SEGMENT_WRITE_KEY");
        String token = env.get("SEGMENT_TOKEN");
        if (isSet(writeKey) && isSet(token)) {
            String sourceId = env.get("SEGMENT_SOURCE_ID");
            if (!isSet(sourceId)) {
                throw new IllegalArgumentException("SEGMENT_SOURCE_ID must name the source of SEGMENT_WRITE_KEY");
            }
            return new SegmentTarget(writeKey, token, env.getOrDefault("SEGMENT_REGION", "us"), sourceId, null);
        }
        if (isSet(writeKey) || isSet(token)) {
            throw new IllegalArgumentException("Set both SEGMENT_WRITE_KEY and SEGMENT_TOKEN for real Segment, or neither for the emulator");
        }
        SegmentEmulator emulator = SegmentEmulator.start();
        return new SegmentTarget(SegmentEmulator.DEMO_SERVER_WRITE_KEY, emulator.token(), "us",
                SegmentEmulator.DEMO_SERVER_SOURCE_ID, emulator);
    }

    boolean usesEmulator() {
        return emulator != null;
    }

    /** The component configuration, as Camel Main properties; values are taken as they are, so keys need no RAW(). */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.segment.writeKey", writeKey);
        properties.put("camel.component.segment.token", token);
        properties.put("camel.component.segment.region", region);
        properties.put("segment.sourceId", sourceId);
        if (usesEmulator()) {
            properties.put("camel.component.segment.trackingUrl", emulator.trackingUrl());
            properties.put("camel.component.segment.apiUrl", emulator.apiUrl());
        }
        return properties;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
