package io.camelsegment.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A warehouse as the Public API shows it (Segment's {@code WarehouseV1}).
 *
 * @param id          the warehouse id
 * @param metadata    the catalog entry (id, slug, name, description, logos, options)
 * @param workspaceId the owning workspace
 * @param enabled     whether it receives data
 * @param settings    its settings, connection details without secrets
 */
public record Warehouse(
        String id,
        Map<String, Object> metadata,
        String workspaceId,
        boolean enabled,
        Map<String, Object> settings) {

    public Warehouse {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
