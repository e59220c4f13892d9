package io.camelsegment.emulator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Public API's API Calls usage report. Usage is made up, but the same for the same period every time:
 * one entry per seeded source per day for a month from {@code period}, oldest first.
 */
final class ApiCallsApi {

    private final Workspace workspace;

    ApiCallsApi(Workspace workspace) {
        this.workspace = workspace;
    }

    List<ApiRoute> routes() {
        return List.of(new ApiRoute("GET", "/usage/api-calls/sources/daily", "getDailyPerSourceAPICallsUsage",
                ApiVersion.STABLE, this::getDailyPerSourceAPICallsUsage));
    }

    private Object getDailyPerSourceAPICallsUsage(ApiCall call) {
        LocalDate period = period(call.query().get("period"));
        Pagination pagination = Pagination.from(call.query());
        List<Map<String, Object>> all = new ArrayList<>();
        for (LocalDate day = period; day.isBefore(period.plusMonths(1)); day = day.plusDays(1)) {
            for (String sourceId : workspace.usageSourceIds()) {
                Map<String, Object> snapshot = new LinkedHashMap<>();
                snapshot.put("sourceId", sourceId);
                // Segment carries the count as a string: it is a bigint.
                snapshot.put("apiCalls", Long.toString(apiCalls(sourceId, day)));
                snapshot.put("timestamp", day + "T00:00:00.000Z");
                all.add(snapshot);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dailyPerSourceAPICallsUsage", pagination.page(all));
        data.put("pagination", pagination.output(all.size()));
        return data;
    }

    private static LocalDate period(String value) {
        if (value == null || value.isBlank()) {
            throw ApiError.validation("period is required, as YYYY-MM-DD (the start of the usage month)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.validation("period must be a date as YYYY-MM-DD, got '" + value + "'");
        }
    }

    /** A stable made-up figure: a base per source plus a daily wobble. */
    private static long apiCalls(String sourceId, LocalDate day) {
        long base = 500 + Math.floorMod(sourceId.hashCode(), 1500);
        return base + Math.floorMod(sourceId.hashCode() * 31L + day.toEpochDay() * 7919L, 400);
    }
}
