package io.camelsegment.segment.publicapi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentValidationException;
import io.camelsegment.segment.http.SegmentRequest;

/**
 * Builds the HTTP request of a Public API call from option values, checking each value first.
 *
 * <p>
 * Path ids are percent-encoded as whole segments, dots included, so an id such as {@code ../x} or {@code a/b} can
 * never steer the request to another path.
 */
public final class PublicApiRequests {

    private final ObjectMapper mapper;
    private final Clock clock;

    /** @param clock the time the call's {@link PublicApiCall#rule()} checks values against */
    public PublicApiRequests(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param baseUrl the Public API base URL without trailing slash, e.g. {@code https://api.segmentapis.com}
     * @param token   the bearer token
     * @param options the value of an endpoint option or its header for this exchange, by option name
     * @param cursor  the page cursor, overriding the {@code cursor} option when following pages; may be {@code null}
     */
    public SegmentRequest build(String operation, PublicApiCall call, String baseUrl, String token, Object body,
                                Function<String, Object> options, String cursor) {
        List<String> problems = new ArrayList<>();
        if (token == null || token.isBlank()) {
            problems.add("token is required for the Public API");
        }
        String path = path(call, options, problems);
        String query = query(call, options, cursor, problems);
        if (problems.isEmpty()) {
            problems.addAll(call.rule().problems(given(call, options), clock.instant()));
        }
        Map<String, Object> input = call.body().build(body, options, mapper, problems);
        if (!problems.isEmpty()) {
            throw new SegmentValidationException(operation, problems);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", call.accept());
        return new SegmentRequest(call.method(), URI.create(baseUrl + path + query), headers,
                input == null ? null : json(operation, input), call.describe(operation), call.idempotent(),
                secrets(call, token, options));
    }

    private String path(PublicApiCall call, Function<String, Object> options, List<String> problems) {
        String path = call.pathTemplate();
        for (PublicApiParameter parameter : call.pathParameters()) {
            String value = value(parameter, options, true, problems);
            path = path.replace("{" + parameter.wireName() + "}", value == null ? "" : encodeSegment(value));
        }
        return path;
    }

    private String query(PublicApiCall call, Function<String, Object> options, String cursor, List<String> problems) {
        StringBuilder query = new StringBuilder();
        for (PublicApiCall.QueryParameter q : call.query()) {
            String value = q.parameter() == PublicApiParameter.CURSOR && cursor != null
                    ? cursor : value(q.parameter(), options, q.required(), problems);
            if (value != null) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(q.parameter().wireName()).append('=').append(encodeQueryValue(value));
            }
        }
        return query.toString();
    }

    /** The values given for the call's path and query parameters. */
    private static Map<PublicApiParameter, String> given(PublicApiCall call, Function<String, Object> options) {
        Map<PublicApiParameter, String> values = new EnumMap<>(PublicApiParameter.class);
        List<PublicApiParameter> parameters = new ArrayList<>(call.pathParameters());
        call.query().forEach(q -> parameters.add(q.parameter()));
        for (PublicApiParameter parameter : parameters) {
            Object value = options.apply(parameter.option());
            if (value != null) {
                values.put(parameter, value.toString());
            }
        }
        return values;
    }

    private static String value(PublicApiParameter parameter, Function<String, Object> options, boolean required,
                                List<String> problems) {
        Object raw = options.apply(parameter.option());
        if (raw == null) {
            if (required) {
                problems.add(parameter.option() + " is required");
            }
            return null;
        }
        String value = raw.toString();
        parameter.kind().problem(value).ifPresent(problem -> problems.add(
                parameter.option() + " " + problem + (parameter.secret() ? "" : " but was '" + abbreviate(value) + "'")));
        return value;
    }

    /** The token and every secret parameter value, also as encoded in the path. */
    private static List<String> secrets(PublicApiCall call, String token, Function<String, Object> options) {
        List<String> secrets = new ArrayList<>(List.of(token));
        for (PublicApiParameter parameter : call.pathParameters()) {
            Object value = options.apply(parameter.option());
            if (parameter.secret() && value != null) {
                secrets.add(value.toString());
                secrets.add(encodeSegment(value.toString()));
            }
        }
        return secrets;
    }

    /** Encodes everything but unreserved letters, digits, '-' and '_': '.', '/' and '%' all become escapes. */
    static String encodeSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace(".", "%2E").replace("*", "%2A").replace("%7E", "~");
    }

    private static String encodeQueryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] json(String operation, Map<String, Object> input) {
        try {
            return mapper.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            throw new SegmentValidationException(operation, List.of("the body cannot be written as JSON ("
                                                                    + e.getOriginalMessage() + ")"));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
