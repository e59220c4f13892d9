package io.camelsegment.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source as the Public API shows it (Segment's {@code SourceV1}).
 *
 * @param id          the source id
 * @param slug        its slug in the Segment app
 * @param name        its display name
 * @param metadata    the catalog entry it is an instance of (id, name, slug, description, logos, options, categories,
 *                    isCloudEventSource)
 * @param workspaceId the owning workspace
 * @param enabled     whether it receives data
 * @param writeKeys   its write keys
 * @param settings    instance settings
 * @param labels      labels attached to it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(
        String id,
        String slug,
        String name,
        Map<String, Object> metadata,
        String workspaceId,
        boolean enabled,
        List<String> writeKeys,
        Map<String, Object> settings,
        List<Label> labels) {

    public Source {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        writeKeys = List.copyOf(writeKeys);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        labels = List.copyOf(labels);
    }

    Source withLabels(List<Label> newLabels) {
        return new Source(id, slug, name, metadata, workspaceId, enabled, writeKeys, settings, newLabels);
    }

    Source withWriteKeys(List<String> newWriteKeys) {
        return new Source(id, slug, name, metadata, workspaceId, enabled, newWriteKeys, settings, labels);
    }

    Source with(String newName, boolean newEnabled, String newSlug, Map<String, Object> newSettings) {
        return new Source(id, newSlug, newName, metadata, workspaceId, newEnabled, writeKeys, newSettings, labels);
    }
}
