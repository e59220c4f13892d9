package io.camelsegment.segment.publicapi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Public API operation described as data: everything the single request path needs to build, send and read it.
 *
 * @param method       the HTTP method
 * @param pathTemplate the path, with {@code {placeholders}} named after {@link PublicApiParameter#wireName()}
 * @param query        the query parameters, in wire order
 * @param accept       the media type that selects the API version serving the operation
 * @param body         how the request body is made from the exchange
 * @param itemsKey     for a paginated operation, the key of the list inside {@code data}; {@code null} otherwise
 * @param rule         what the parameter values must satisfy together
 */
public record PublicApiCall(String method, String pathTemplate, List<QueryParameter> query, String accept,
                            RequestBody body, String itemsKey, ValuesRule rule) {

    /** The stable (v1) version of an operation. */
    public static final String STABLE = "application/vnd.segment.v1+json";
    /** The beta version: some operations exist only there. */
    public static final String BETA = "application/vnd.segment.v1beta+json";
    /** The alpha version: some operations exist only there. */
    public static final String ALPHA = "application/vnd.segment.v1alpha+json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    public PublicApiCall {
        query = List.copyOf(query);
    }

    /**
     * A query parameter.
     *
     * @param parameter where the value comes from
     * @param required  whether the call cannot be made without it
     */
    public record QueryParameter(PublicApiParameter parameter, boolean required) {
    }

    public static PublicApiCall get(String pathTemplate) {
        return new PublicApiCall("GET", pathTemplate, List.of(), STABLE, RequestBody.NONE, null, ValuesRule.NONE);
    }

    public static PublicApiCall post(String pathTemplate, RequestBody body) {
        return new PublicApiCall("POST", pathTemplate, List.of(), STABLE, body, null, ValuesRule.NONE);
    }

    public static PublicApiCall patch(String pathTemplate, RequestBody body) {
        return new PublicApiCall("PATCH", pathTemplate, List.of(), STABLE, body, null, ValuesRule.NONE);
    }

    public static PublicApiCall delete(String pathTemplate) {
        return new PublicApiCall("DELETE", pathTemplate, List.of(), STABLE, RequestBody.NONE, null, ValuesRule.NONE);
    }

    public PublicApiCall accept(String mediaType) {
        return new PublicApiCall(method, pathTemplate, query, mediaType, body, itemsKey, rule);
    }

    public PublicApiCall required(PublicApiParameter parameter) {
        return withQuery(new QueryParameter(parameter, true));
    }

    public PublicApiCall optional(PublicApiParameter parameter) {
        return withQuery(new QueryParameter(parameter, false));
    }

    /** Adds a check of the parameter values together, made before anything is sent. */
    public PublicApiCall checked(ValuesRule check) {
        return new PublicApiCall(method, pathTemplate, query, accept, body, itemsKey, check);
    }

    /** Marks the call as paginated: it takes a page size and cursor, and its items are the list under {@code itemsKey}. */
    public PublicApiCall paginated(String itemsKey) {
        return new PublicApiCall(method, pathTemplate, query, accept, body, itemsKey, rule)
                .optional(PublicApiParameter.PAGE_SIZE).optional(PublicApiParameter.CURSOR);
    }

    /**
     * Whether sending the call twice has the effect of sending it once, so that it may be retried after any transient
     * failure: only reads are. A DELETE is idempotent in HTTP's sense, but a deleteSource repeated after a lost answer
     * gets 404 and reports a success as a failure; a POST of labels or a PATCH may apply twice.
     */
    public boolean idempotent() {
        return "GET".equals(method);
    }

    public boolean isPaginated() {
        return itemsKey != null;
    }

    /** The parameters named in the path template, in order. */
    public List<PublicApiParameter> pathParameters() {
        List<PublicApiParameter> parameters = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(pathTemplate);
        while (matcher.find()) {
            String name = matcher.group(1);
            parameters.add(PublicApiParameter.byWireName(name)
                    .orElseThrow(() -> new IllegalStateException("No parameter for {" + name + "} in " + pathTemplate)));
        }
        return parameters;
    }

    /** How messages name the call: the method and path template, which holds no secret. */
    public String describe(String operation) {
        return operation + " (" + method + " " + pathTemplate + ")";
    }

    private PublicApiCall withQuery(QueryParameter parameter) {
        List<QueryParameter> parameters = new ArrayList<>(query);
        parameters.add(parameter);
        return new PublicApiCall(method, pathTemplate, parameters, accept, body, itemsKey, rule);
    }
}
