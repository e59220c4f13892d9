package io.camelsegment.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Public API at the root of the emulator: checks the Bearer token, routes to an operation, checks
 * the version asked for, and wraps the outcome in Segment's {@code {data}} or {@code {errors}} envelope
 * with the {@code X-RateLimit-*} headers.
 */
final class PublicApi {

    private final String expectedToken;
    private final RateLimitWindow rateLimit;
    private final List<ApiRoute> routes = new ArrayList<>();

    PublicApi(Workspace workspace, String expectedToken, RateLimitWindow rateLimit, Clock clock) {
        this.expectedToken = expectedToken;
        this.rateLimit = rateLimit;
        routes.addAll(new SourcesApi(workspace).routes());
        routes.addAll(new DestinationsApi(workspace, clock).routes());
        routes.addAll(new ApiCallsApi(workspace).routes());
    }

    Response handle(Request request) {
        try {
            checkToken(request.header("Authorization"));
        } catch (ApiError unauthorized) {
            return unauthorized.toResponse();
        }
        Optional<Map<String, String>> allowed = rateLimit.consume();
        if (allowed.isEmpty()) {
            return tooManyRequests(rateLimit.millisUntilReset()).withHeaders(rateLimit.refusalHeaders());
        }
        Map<String, String> rateHeaders = allowed.get();
        try {
            if (request.tooLarge()) {
                throw new ApiError(413, "PayloadTooLarge", "The body exceeds " + (Request.MAX_BODY_BYTES / 1024) + " KB");
            }
            List<String> segments = segments(request);
            for (ApiRoute route : routes) {
                Optional<Map<String, String>> parameters = route.match(segments);
                if (parameters.isPresent() && route.method().equals(request.method())) {
                    return call(route, new ApiCall(parameters.get(), request.query(), request)).withHeaders(rateHeaders);
                }
            }
            throw ApiError.notFound("No Public API endpoint " + request.method() + " " + request.rawPath());
        } catch (ApiError error) {
            return error.toResponse().withHeaders(rateHeaders);
        }
    }

    /** Segment's operationId for the endpoint the request is addressed to, whatever became of it; null for none. */
    String operationOf(Request request) {
        try {
            List<String> segments = request.pathSegments();
            return routes.stream()
                    .filter(route -> route.method().equals(request.method()) && route.match(segments).isPresent())
                    .map(ApiRoute::operationId)
                    .findFirst().orElse(null);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private Response call(ApiRoute route, ApiCall call) {
        String accept = call.request().header("Accept");
        String mediaType = route.version().negotiate(accept).orElseThrow(() -> ApiError.notFound(
                route.operationId() + " is only available in " + route.version().name().toLowerCase(Locale.ROOT)
                        + ": send " + route.version().requirement()));
        Object data = route.operation().run(call);
        return Response.json(200, Map.of("data", data)).withHeader("Content-Type", mediaType);
    }

    private void checkToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw ApiError.unauthorized("Missing token: send Authorization: Bearer <Public API token>");
        }
        if (!expectedToken.equals(authorization.substring(7).trim())) {
            throw ApiError.unauthorized("The token is not valid for this workspace");
        }
    }

    private static List<String> segments(Request request) {
        try {
            return request.pathSegments();
        } catch (IllegalArgumentException malformed) {
            throw ApiError.notFound(malformed.getMessage());
        }
    }

    /** A scripted fault's status, answered the way the Public API answers it. */
    Response fault(Fault fault) {
        if (fault.status() == 429) {
            return tooManyRequests(fault.retryAfterSeconds() * 1000)
                    .withHeader("Retry-After", Long.toString(fault.retryAfterSeconds()));
        }
        Response response = Response.json(fault.status(), ApiError.envelope(fault.errorType(), fault.reason(), null));
        return fault.retryAfterSeconds() > 0
                ? response.withHeader("Retry-After", Long.toString(fault.retryAfterSeconds()))
                : response;
    }

    /** Segment's 429 body, with the points really consumed in the current window. */
    private Response tooManyRequests(long msBeforeNext) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msBeforeNext", msBeforeNext);
        data.put("remainingPoints", 0);
        data.put("consumedPoints", rateLimit.consumed());
        return Response.json(429, ApiError.envelope("RequestError", "Too many requests", data));
    }
}
