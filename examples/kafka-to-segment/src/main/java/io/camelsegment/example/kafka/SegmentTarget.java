package io.camelsegment.example.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelsegment.emulator.SegmentEmulator;

/**
 * Where the events go: real Segment when {@code SEGMENT_WRITE_KEY} is set (and {@code SEGMENT_REGION=eu} for an EU
 * workspace), otherwise an emulator started in this JVM.
 *
 * @param writeKey the source's write key
 * @param region   us or eu
 * @param emulator the embedded emulator, or {@code null} for real Segment
 */
public record SegmentTarget(String writeKey, String region, SegmentEmulator emulator) implements AutoCloseable {

    public static SegmentTarget from(Map<String, String> env) {
        String writeKey = env.get("SEGMENT_WRITE_KEY");
        if (writeKey != null && !writeKey.isBlank()) {
            return new SegmentTarget(writeKey, env.getOrDefault("SEGMENT_REGION", "us"), null);
        }
        return emulator(SegmentEmulator.builder().maxRecorded(0).start());
    }

    /** An emulator the caller started (a test scripting faults), as the target. */
    public static SegmentTarget emulator(SegmentEmulator emulator) {
        return new SegmentTarget(SegmentEmulator.DEMO_SERVER_WRITE_KEY, "us", emulator);
    }

    public boolean usesEmulator() {
        return emulator != null;
    }

    /** The component configuration as Camel Main properties (taken as they are: a key needs no RAW()). */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.segment.writeKey", writeKey);
        properties.put("camel.component.segment.region", region);
        if (usesEmulator()) {
            properties.put("camel.component.segment.trackingUrl", emulator.trackingUrl());
        }
        return properties;
    }

    @Override
    public void close() {
        if (usesEmulator()) {
            emulator.close();
        }
    }
}
