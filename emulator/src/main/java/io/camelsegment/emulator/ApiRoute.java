package io.camelsegment.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Public API operation: its method, path template (e.g. {@code /sources/{sourceId}/labels}), Segment's
 * operationId, the version it is available in, and what it does.
 */
record ApiRoute(String method, String template, String operationId, ApiVersion version, Operation operation) {

    @FunctionalInterface
    interface Operation {
        /** Returns the {@code data} object of the answer, or throws {@link ApiError}. */
        Object run(ApiCall call);
    }

    /** The path parameters when the decoded segments fit the template, else empty. */
    Optional<Map<String, String>> match(List<String> segments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (parts[i].startsWith("{")) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(parts[i].substring(1, parts[i].length() - 1), segment);
            } else if (!parts[i].equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
