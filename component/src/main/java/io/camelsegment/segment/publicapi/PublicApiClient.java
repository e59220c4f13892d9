package io.camelsegment.segment.publicapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentError;
import io.camelsegment.segment.SegmentHttpException;
import io.camelsegment.segment.SegmentPaginationException;
import io.camelsegment.segment.http.RetryPolicy;
import io.camelsegment.segment.http.SegmentRequest;
import io.camelsegment.segment.http.SegmentResponse;
import io.camelsegment.segment.http.SegmentTransport;

/**
 * Runs a Public API call: sends its request, unwraps {@code data} or turns {@code errors[]} into a
 * {@link SegmentHttpException}, and, when asked, follows {@code pagination.next} until the last page.
 */
public final class PublicApiClient {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final List<String> RATE_LIMIT_HEADERS
            = List.of("x-ratelimit-remaining", "x-ratelimit-consumed", "x-ratelimit-reset");

    private final PublicApiRequests requests;
    private final SegmentTransport transport;
    private final ObjectMapper mapper;
    private final int maxPages;

    /**
     * @param maxPages the most pages one call may read when following them
     */
    public PublicApiClient(PublicApiRequests requests, SegmentTransport transport, ObjectMapper mapper, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be 1 or more but was " + maxPages);
        }
        this.requests = requests;
        this.transport = transport;
        this.mapper = mapper;
        this.maxPages = maxPages;
    }

    /**
     * Builds and sends the call; a {@link io.camelsegment.segment.SegmentValidationException} is thrown before anything
     * is sent when the exchange cannot make a valid request.
     *
     * @param followPages whether to read every page of a paginated call and merge their items
     */
    public CompletableFuture<PublicApiResult> call(String operation, PublicApiCall call, String baseUrl, String token,
                                                   Object body, Function<String, Object> options, boolean followPages) {
        SegmentRequest first = requests.build(operation, call, baseUrl, token, body, options, null);
        Function<String, SegmentRequest> pageRequest
                = cursor -> requests.build(operation, call, baseUrl, token, body, options, cursor);
        Set<String> cursors = new HashSet<>();
        Object cursor = options.apply(PublicApiParameter.CURSOR.option());
        if (cursor != null) {
            cursors.add(cursor.toString());
        }
        return page(first, call, followPages && call.isPaginated(), pageRequest, null, cursors);
    }

    /** @param cursors every cursor read so far: Segment giving one again would make the pages go round for ever */
    private CompletableFuture<PublicApiResult> page(SegmentRequest request, PublicApiCall call, boolean followPages,
                                                    Function<String, SegmentRequest> pageRequest,
                                                    PublicApiResult previous, Set<String> cursors) {
        return transport.send(request).thenCompose(response -> {
            PublicApiResult result = merge(previous, read(request, call, response), call);
            String next = result.nextCursor();
            if (!followPages || next == null) {
                return CompletableFuture.completedFuture(result);
            }
            if (!cursors.add(next)) {
                throw new SegmentPaginationException(request.description(), result.pages(),
                        "Segment gave the cursor '" + next + "' again, so following it would never end");
            }
            if (result.pages() >= maxPages) {
                throw new SegmentPaginationException(request.description(), result.pages(),
                        "more pages remain than maxPages (" + maxPages + ") allows; raise maxPages, or read the pages"
                                                                                        + " one by one with the CamelSegmentCursor header");
            }
            return page(pageRequest.apply(next), call, true, pageRequest, result, cursors);
        });
    }

    private PublicApiResult read(SegmentRequest request, PublicApiCall call, SegmentResponse response) {
        Optional<Map<String, Object>> envelope = parse(response);
        if (!response.isSuccessful()) {
            throw failure(request, response, envelope);
        }
        if (envelope.isEmpty()) {
            throw new SegmentHttpException("Segment Public API answered " + response.status() + " to "
                                           + request.description() + " after " + response.attempts()
                                           + " attempt(s) with a body that is not Segment's JSON: "
                                           + (response.body().length == 0 ? "(empty)" : request.excerpt(response.body())),
                    response.status(), List.of(), false, response.attempts(), null);
        }
        Map<String, Object> data = envelope.get().get("data") instanceof Map<?, ?> map ? copy(map) : new LinkedHashMap<>();
        Map<?, ?> pagination = data.get("pagination") instanceof Map<?, ?> p ? p : Map.of();
        Object next = pagination.get("next");
        Long total = pagination.get("totalEntries") instanceof Number n ? n.longValue() : null;
        Map<String, String> rateLimit = new LinkedHashMap<>();
        RATE_LIMIT_HEADERS.forEach(name -> response.header(name).ifPresent(value -> rateLimit.put(name, value)));
        return new PublicApiResult(data, response.status(), response.attempts(), 1,
                next == null || next.toString().isBlank() ? null : next.toString(), total, rateLimit);
    }

    private static PublicApiResult merge(PublicApiResult previous, PublicApiResult page, PublicApiCall call) {
        if (previous == null) {
            return page;
        }
        Map<String, Object> data = new LinkedHashMap<>(page.data());
        List<Object> items = new ArrayList<>(items(previous.data(), call.itemsKey()));
        items.addAll(items(page.data(), call.itemsKey()));
        data.put(call.itemsKey(), items);
        return new PublicApiResult(data, page.status(), previous.attempts() + page.attempts(), previous.pages() + 1,
                page.nextCursor(), page.totalEntries(), page.rateLimit());
    }

    private static List<?> items(Map<String, Object> data, String key) {
        return data.get(key) instanceof List<?> list ? list : List.of();
    }

    private SegmentHttpException failure(SegmentRequest request, SegmentResponse response,
                                         Optional<Map<String, Object>> envelope) {
        List<SegmentError> errors = errors(envelope.map(e -> e.get("errors")).orElse(null));
        boolean outcomeUnknown = RetryPolicy.isOutcomeUnknown(request, response);
        String detail = !errors.isEmpty() ? errors.stream().map(SegmentError::toString).collect(Collectors.joining("; "))
                : envelope.isEmpty() && response.body().length > 0 ? request.excerpt(response.body()) : "no error details";
        return new SegmentHttpException("Segment Public API answered " + response.status() + " to " + request.description()
                                        + " after " + response.attempts() + " attempt(s): " + detail
                                        + (outcomeUnknown ? "; " + RetryPolicy.OUTCOME_UNKNOWN : ""),
                response.status(), errors, RetryPolicy.isRetryable(request, response), response.attempts(), outcomeUnknown,
                null);
    }

    private static List<SegmentError> errors(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<SegmentError> errors = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> error) {
                errors.add(new SegmentError(Objects.toString(error.get("type"), null),
                        Objects.toString(error.get("message"), null), Objects.toString(error.get("field"), null),
                        error.get("data") instanceof Map<?, ?> data ? copy(data) : null));
            }
        }
        return errors;
    }

    /** The answer's JSON object, or empty when the body is not one (nothing, or a proxy's page). */
    private Optional<Map<String, Object>> parse(SegmentResponse response) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(response.body(), OBJECT));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
