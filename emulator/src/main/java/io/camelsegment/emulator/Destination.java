package io.camelsegment.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A destination instance as the Public API shows it (Segment's {@code DestinationV1}).
 *
 * @param id       the destination instance id
 * @param name     its display name
 * @param enabled  whether it receives data
 * @param metadata the catalog entry it is an instance of; its {@code id} is the destinationMetadataId
 * @param sourceId the source connected to it
 * @param settings its settings
 */
public record Destination(
        String id,
        String name,
        boolean enabled,
        Map<String, Object> metadata,
        String sourceId,
        Map<String, Object> settings) {

    public Destination {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    String metadataId() {
        return String.valueOf(metadata.get("id"));
    }
}
