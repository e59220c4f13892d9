package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request to the Public API, whatever became of it.
 *
 * @param sequence   position in arrival order, starting at 1 after every reset
 * @param method     the HTTP method
 * @param operation  Segment's operationId of the endpoint it was addressed to (e.g. {@code updateSource}), or null
 *                   when it matched none
 * @param rawPath    the path as sent, still percent-encoded, except that a write key in it is masked to its last
 *                   four characters
 * @param query      the raw query, or an empty string
 * @param headers    every header except Authorization (the token is never recorded)
 * @param body       the body as text
 * @param status     the status answered, or 0 when the connection was dropped without an answer
 * @param fault      the scripted fault applied, or null
 * @param receivedAt when the request arrived
 */
public record PublicApiRequest(
        long sequence,
        String method,
        String operation,
        String rawPath,
        String query,
        Map<String, String> headers,
        String body,
        int status,
        String fault,
        @JsonSerialize(using = ToStringSerializer.class) Instant receivedAt) {

    static PublicApiRequest of(Request request, String operation, int status, String fault) {
        return new PublicApiRequest(0, request.method(), operation, SecretPaths.mask(request.rawPath()), request.rawQuery(),
                request.headersWithout("Authorization"), request.bodyText(), status, fault, request.receivedAt());
    }

    PublicApiRequest withSequence(long newSequence) {
        return new PublicApiRequest(newSequence, method, operation, rawPath, query, headers, body, status, fault, receivedAt);
    }

    /** A header as sent (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
