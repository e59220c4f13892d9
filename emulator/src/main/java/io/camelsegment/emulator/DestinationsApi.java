package io.camelsegment.emulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Public API's Destinations operations the component uses. */
final class DestinationsApi {

    private final Workspace workspace;
    private final Clock clock;

    DestinationsApi(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("GET", "/destinations/{destinationId}", "getDestination", ApiVersion.STABLE, this::getDestination),
                new ApiRoute("GET", "/destinations/{destinationId}/delivery-metrics",
                        "listDeliveryMetricsSummaryFromDestination", ApiVersion.BETA,
                        this::listDeliveryMetricsSummaryFromDestination));
    }

    private Object getDestination(ApiCall call) {
        return Map.of("destination", existingDestination(call));
    }

    /**
     * Checks the query as Segment documents it (sourceId required; granularity DAY, HOUR or MINUTE;
     * ISO-8601 times, start before end, within Segment's window limits for the granularity) and answers the
     * destination's seeded metrics.
     */
    private Object listDeliveryMetricsSummaryFromDestination(ApiCall call) {
        Destination destination = existingDestination(call);
        String sourceId = call.query().get("sourceId");
        if (sourceId == null || sourceId.isBlank()) {
            throw ApiError.validation("sourceId is required");
        }
        MetricsWindow window = MetricsWindow.of(call.query().get("granularity"));
        OffsetDateTime start = time(call, "startTime");
        OffsetDateTime end = time(call, "endTime");
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiError.validation("startTime must not be after endTime");
        }
        window.check(start, end, clock.instant());
        if (!destination.sourceId().equals(sourceId)) {
            throw ApiError.validation("Source " + sourceId + " is not connected to destination " + destination.id());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sourceId", sourceId);
        summary.put("destinationMetadataId", destination.metadataId());
        summary.put("metrics", workspace.deliveryMetrics(destination.id()));
        return Map.of("deliveryMetricsSummary", summary);
    }

    private Destination existingDestination(ApiCall call) {
        String destinationId = call.path("destinationId");
        return workspace.destination(destinationId)
                .orElseThrow(() -> ApiError.notFound("Destination " + destinationId + " not found"));
    }

    private static OffsetDateTime time(ApiCall call, String parameter) {
        String value = call.query().get(parameter);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.validation(parameter + " must be an ISO-8601 date-time with an offset, got '" + value + "'");
        }
    }
}
