package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One routed Public API request: the decoded path parameters of its route, its query and its body.
 */
record ApiCall(Map<String, String> pathParameters, Map<String, String> query, Request request) {

    String path(String name) {
        return pathParameters.get(name);
    }

    /** The body as JSON; Segment answers a body it cannot read with a validation failure. */
    JsonNode body() {
        return request.json().orElseThrow(() -> ApiError.validation("The request body must be JSON"));
    }
}
