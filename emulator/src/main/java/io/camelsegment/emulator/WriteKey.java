package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The write key a Tracking API request authenticates with. Segment takes it from HTTP Basic (the key
 * as user name, empty password) or from a top-level {@code writeKey} in the body (for batch/import: the
 * envelope). The emulator only ever keeps its last four characters.
 */
record WriteKey(String value) {

    private static final String MASK = "****";

    /** Basic first (what analytics-java 3.5.5 sends), then the body. */
    static Optional<WriteKey> of(Request request) {
        Optional<WriteKey> fromHeader = fromBasicAuth(request.header("Authorization"));
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        return request.json()
                .map(body -> body.get("writeKey"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(key -> !key.isBlank())
                .map(WriteKey::new);
    }

    private static Optional<WriteKey> fromBasicAuth(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        return user.isBlank() ? Optional.empty() : Optional.of(new WriteKey(user));
    }

    String last4() {
        return value.length() <= 4 ? value : value.substring(value.length() - 4);
    }

    /** Replaces the key where it appears as a JSON string, so a recorded body never carries it whole. */
    String maskIn(String text) {
        if (value.length() <= 4) {
            return text;
        }
        return text.replace('"' + value + '"', '"' + MASK + last4() + '"');
    }

    @Override
    public String toString() {
        return MASK + last4();
    }
}
