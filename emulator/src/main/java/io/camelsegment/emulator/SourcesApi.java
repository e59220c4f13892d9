package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Public API's Sources operations the component uses. Each looks up the source named in the path
 * first (404 when unknown), then checks the query or body (422 when invalid).
 */
final class SourcesApi {

    private static final Set<String> UPDATABLE_FIELDS = Set.of("name", "enabled", "slug", "settings");

    private final Workspace workspace;

    SourcesApi(Workspace workspace) {
        this.workspace = workspace;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("POST", "/sources/{sourceId}/labels", "addLabelsToSource", ApiVersion.STABLE, this::addLabelsToSource),
                new ApiRoute("DELETE", "/sources/{sourceId}", "deleteSource", ApiVersion.STABLE, this::deleteSource),
                new ApiRoute("GET", "/sources/{sourceId}/connected-warehouses", "listConnectedWarehousesFromSource",
                        ApiVersion.STABLE, this::listConnectedWarehousesFromSource),
                new ApiRoute("GET", "/sources/{sourceId}/settings", "listSchemaSettingsInSource", ApiVersion.STABLE,
                        this::listSchemaSettingsInSource),
                new ApiRoute("DELETE", "/sources/{sourceId}/writekey/{writeKey}", "removeWriteKeyFromSource",
                        ApiVersion.ALPHA, this::removeWriteKeyFromSource),
                new ApiRoute("PATCH", "/sources/{sourceId}", "updateSource", ApiVersion.STABLE, this::updateSource));
    }

    /** Attaches labels that already exist in the workspace; answers every label the source now has. */
    private Object addLabelsToSource(ApiCall call) {
        String sourceId = existingSource(call).id();
        JsonNode labels = call.body().get("labels");
        if (labels == null || !labels.isArray() || labels.isEmpty()) {
            throw ApiError.validation("labels must be a non-empty array of {key, value, description?}");
        }
        List<Label> wanted = new ArrayList<>();
        List<Label> known = workspace.labels();
        for (JsonNode label : labels) {
            String key = nonBlankText(label, "key");
            String value = nonBlankText(label, "value");
            wanted.add(known.stream().filter(l -> l.sameAs(key, value)).findFirst().orElseThrow(() -> ApiError.validation(
                    "Label " + key + ":" + value + " does not exist in the workspace; create it first")));
        }
        Source updated = workspace.update(sourceId, source -> {
            List<Label> all = new ArrayList<>(source.labels());
            wanted.stream()
                    .filter(label -> all.stream().noneMatch(l -> l.sameAs(label.key(), label.value())))
                    .forEach(all::add);
            return source.withLabels(all);
        }).orElseThrow(() -> unknownSource(sourceId));
        return Map.of("labels", updated.labels());
    }

    private Object deleteSource(ApiCall call) {
        String sourceId = call.path("sourceId");
        if (!workspace.removeSource(sourceId)) {
            throw unknownSource(sourceId);
        }
        return Map.of("status", "SUCCESS");
    }

    private Object listConnectedWarehousesFromSource(ApiCall call) {
        String sourceId = existingSource(call).id();
        Pagination pagination = Pagination.from(call.query());
        List<Warehouse> all = workspace.connectedWarehouses(sourceId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("warehouses", pagination.page(all));
        data.put("pagination", pagination.output(all.size()));
        return data;
    }

    private Object listSchemaSettingsInSource(ApiCall call) {
        String sourceId = existingSource(call).id();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sourceId", sourceId);
        data.put("settings", workspace.schemaSettings(sourceId));
        return data;
    }

    private Object removeWriteKeyFromSource(ApiCall call) {
        Source source = existingSource(call);
        String writeKey = call.path("writeKey");
        if (!source.writeKeys().contains(writeKey)) {
            // Say which source, never which key: the path may hold a real key someone mistyped.
            throw ApiError.notFound("Write key not found on source " + source.id());
        }
        workspace.update(source.id(), current -> {
            List<String> keys = new ArrayList<>(current.writeKeys());
            keys.remove(writeKey);
            return current.withWriteKeys(keys);
        }).orElseThrow(() -> unknownSource(source.id()));
        return Map.of("status", "SUCCESS");
    }

    /** Changes only the fields given; {@code settings} entries are merged, a null entry removes one. */
    private Object updateSource(ApiCall call) {
        Source source = existingSource(call);
        JsonNode body = call.body();
        if (!body.isObject()) {
            throw ApiError.validation("The body must be an object with name, enabled, slug and/or settings");
        }
        Iterator<String> fields = body.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!UPDATABLE_FIELDS.contains(field)) {
                throw ApiError.validation("Unknown field '" + field + "': only name, enabled, slug and settings can change");
            }
        }
        String name = body.has("name") ? nonBlankText(body, "name") : source.name();
        String slug = body.has("slug") ? nonBlankText(body, "slug") : source.slug();
        boolean enabled = source.enabled();
        if (body.has("enabled")) {
            if (!body.get("enabled").isBoolean()) {
                throw ApiError.validation("enabled must be true or false");
            }
            enabled = body.get("enabled").booleanValue();
        }
        Map<String, Object> settings = new LinkedHashMap<>(source.settings());
        if (body.has("settings")) {
            if (!body.get("settings").isObject()) {
                throw ApiError.validation("settings must be an object");
            }
            JsonCodec.toMap(body.get("settings")).forEach((key, value) -> {
                if (value == null) {
                    settings.remove(key);
                } else {
                    settings.put(key, value);
                }
            });
        }
        boolean newEnabled = enabled;
        Source updated = workspace.update(source.id(), current -> current.with(name, newEnabled, slug, settings))
                .orElseThrow(() -> unknownSource(source.id()));
        return Map.of("source", updated);
    }

    private Source existingSource(ApiCall call) {
        String sourceId = call.path("sourceId");
        return workspace.source(sourceId).orElseThrow(() -> unknownSource(sourceId));
    }

    static ApiError unknownSource(String sourceId) {
        return ApiError.notFound("Source " + sourceId + " not found");
    }

    private static String nonBlankText(JsonNode node, String field) {
        JsonNode value = node.isObject() ? node.get(field) : null;
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiError.validation(field + " must be a non-empty string");
        }
        return value.asText();
    }
}
