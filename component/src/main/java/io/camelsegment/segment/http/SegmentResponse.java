package io.camelsegment.segment.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Segment's answer to the last attempt of a request.
 *
 * @param status   the HTTP status code
 * @param headers  the response headers, names in lower case
 * @param body     the response body, possibly empty
 * @param attempts how many attempts were made, this one included
 */
public record SegmentResponse(int status, Map<String, String> headers, byte[] body, int attempts) {

    public SegmentResponse {
        headers = Map.copyOf(headers);
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

}
