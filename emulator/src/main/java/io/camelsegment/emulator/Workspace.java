package io.camelsegment.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The in-memory Segment workspace the Public API reads and changes: sources, destinations, warehouses,
 * labels, schema settings and delivery metrics. Every method holds the lock, so an operation that reads
 * and then writes a source sees no half-done change from another request.
 */
final class Workspace {

    private final boolean seeded;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, Destination> destinations = new LinkedHashMap<>();
    private final Map<String, Warehouse> warehouses = new LinkedHashMap<>();
    /** sourceId → ids of the warehouses connected to it, in connection order. */
    private final Map<String, List<String>> connections = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> schemaSettings = new LinkedHashMap<>();
    /** destinationId → its delivery metrics ({@code MetricBeta} objects). */
    private final Map<String, List<Map<String, Object>>> deliveryMetrics = new LinkedHashMap<>();
    private final List<Label> labels = new ArrayList<>();
    /** Sources whose API calls the usage reports count: the seeded ones, even after a delete (usage is history). */
    private final List<String> usageSourceIds = new ArrayList<>();

    Workspace(boolean seeded) {
        this.seeded = seeded;
        restore();
    }

    /** Back to the state the emulator started with: the demo data, or nothing. */
    synchronized void restore() {
        sources.clear();
        destinations.clear();
        warehouses.clear();
        connections.clear();
        schemaSettings.clear();
        deliveryMetrics.clear();
        labels.clear();
        usageSourceIds.clear();
        if (seeded) {
            DemoWorkspace.fill(this);
        }
    }

    synchronized void add(Label label) {
        labels.add(label);
    }

    synchronized void add(Source source, Map<String, Object> sourceSchemaSettings) {
        sources.put(source.id(), source);
        schemaSettings.put(source.id(), sourceSchemaSettings);
        usageSourceIds.add(source.id());
    }

    synchronized void add(Destination destination, List<Map<String, Object>> metrics) {
        destinations.put(destination.id(), destination);
        deliveryMetrics.put(destination.id(), List.copyOf(metrics));
    }

    synchronized void add(Warehouse warehouse, List<String> connectedSourceIds) {
        warehouses.put(warehouse.id(), warehouse);
        connectedSourceIds.forEach(sourceId -> connections.computeIfAbsent(sourceId, id -> new ArrayList<>()).add(warehouse.id()));
    }

    synchronized Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    synchronized List<Source> sources() {
        return List.copyOf(sources.values());
    }

    /** Applies a change to a source atomically; empty when there is no such source. */
    synchronized Optional<Source> update(String sourceId, UnaryOperator<Source> change) {
        Source current = sources.get(sourceId);
        if (current == null) {
            return Optional.empty();
        }
        Source changed = change.apply(current);
        sources.put(sourceId, changed);
        return Optional.of(changed);
    }

    synchronized boolean removeSource(String id) {
        schemaSettings.remove(id);
        connections.remove(id);
        return sources.remove(id) != null;
    }

    synchronized List<Label> labels() {
        return List.copyOf(labels);
    }

    synchronized Optional<Destination> destination(String id) {
        return Optional.ofNullable(destinations.get(id));
    }

    synchronized List<Map<String, Object>> deliveryMetrics(String destinationId) {
        return deliveryMetrics.getOrDefault(destinationId, List.of());
    }

    synchronized List<Warehouse> connectedWarehouses(String sourceId) {
        return connections.getOrDefault(sourceId, List.of()).stream().map(warehouses::get).toList();
    }

    synchronized Map<String, Object> schemaSettings(String sourceId) {
        return schemaSettings.get(sourceId);
    }

    synchronized List<String> usageSourceIds() {
        return List.copyOf(usageSourceIds);
    }
}
