package io.camelsegment.segment.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * @param idempotent  whether sending it twice has the effect of sending it once, so that it may be retried after any
 *                    transient failure; otherwise it is retried only when Segment provably did not process it
 * @param secrets     the credentials the request carries (token, write keys, also as encoded on the wire), masked in
 *                    anything quoted from an answer
 */
public record SegmentRequest(String method, URI uri, Map<String, String> headers, byte[] body, String description,
                             boolean idempotent, List<String> secrets) {

    /** The longest part of an answer's body that messages quote. */
    static final int EXCERPT_LENGTH = 200;

    public SegmentRequest {
        headers = Map.copyOf(headers);
        secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty()).toList();
    }

    /**
     * The start of an answer's body for messages: whitespace collapsed, at most {@value #EXCERPT_LENGTH} characters, with
     * every credential of this request masked (a proxy's error page may echo the request).
     */
    public String excerpt(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        for (String secret : secrets) {
            text = text.replace(secret, "xxxxxx");
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text;
    }

    /** Only the description: the headers hold credentials and the URI may hold a write key. */
    @Override
    public String toString() {
        return description;
    }
}
