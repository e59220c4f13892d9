package io.camelsegment.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Public API failure, answered in Segment's error envelope
 * {@code {"errors":[{"type":"NotFound","message":"..."}]}}.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String type;

    ApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "NotFound", message);
    }

    static ApiError validation(String message) {
        return new ApiError(422, "ValidationFailure", message);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, "Unauthorized", message);
    }

    int status() {
        return status;
    }

    Response toResponse() {
        return Response.json(status, envelope(type, getMessage(), null));
    }

    static Map<String, Object> envelope(String type, String message, Map<String, Object> data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        if (data != null) {
            error.put("data", data);
        }
        return Map.of("errors", List.of(error));
    }
}
