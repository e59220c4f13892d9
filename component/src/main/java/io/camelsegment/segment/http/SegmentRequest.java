package io.camelsegment.segment.http;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request to Segment, sent unchanged on every attempt.
 *
 * @param method      the HTTP method
 * @param uri         the full URI, ids already percent-encoded
 * @param headers     the request headers, credentials included
 * @param body        the JSON body, or {@code null}
 * @param description how messages name the request: operation and path template, never the resolved URI, which may hold
 *                    a write key
 */
public record SegmentRequest(String method, URI uri, Map<String, String> headers, byte[] body, String description) {

    public SegmentRequest {
        headers = Map.copyOf(headers);
    }

    /** Only the description: the headers hold credentials and the URI may hold a write key. */
    @Override
    public String toString() {
        return description;
    }
}
