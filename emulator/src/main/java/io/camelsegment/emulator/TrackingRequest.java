package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to the Tracking API, whatever became of it: accepted, rejected (400, 401), faulted.
 *
 * @param sequence      position in arrival order, starting at 1 after every reset
 * @param method        the HTTP method
 * @param path          the raw path, e.g. {@code /v1/batch}
 * @param query         the raw query, or an empty string
 * @param headers       every header except Authorization
 * @param body          the body as text (after gzip decoding), with every write key it carries (in Basic auth or
 *                      the body) masked to its last four characters
 * @param status        the status answered, or 0 when the connection was dropped without an answer
 * @param writeKeyLast4 the last four characters of the write key found, or null when there was none
 * @param fault         the scripted fault applied (e.g. {@code status:429}, {@code connection_reset}), or null
 * @param receivedAt    when the request arrived
 */
public record TrackingRequest(
        long sequence,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        String body,
        int status,
        String writeKeyLast4,
        String fault,
        @JsonSerialize(using = ToStringSerializer.class) Instant receivedAt) {

    static TrackingRequest of(Request request, int status, String fault) {
        Optional<WriteKey> writeKey = WriteKey.of(request);
        String body = WriteKey.maskAll(request.bodyText(), WriteKey.allOf(request));
        return new TrackingRequest(0, request.method(), request.rawPath(), request.rawQuery(),
                request.headersWithout("Authorization"), body, status,
                writeKey.map(WriteKey::last4).orElse(null), fault, request.receivedAt());
    }

    TrackingRequest withSequence(long newSequence) {
        return new TrackingRequest(newSequence, method, path, query, headers, body, status, writeKeyLast4, fault,
                receivedAt);
    }

    /** A header as sent (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
