package io.camelsegment.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
        return fromBody(request);
    }

    private static Optional<WriteKey> fromBody(Request request) {
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

    /** Every key the request carries: its Basic user name and its body's {@code writeKey}, which may differ. */
    static List<WriteKey> allOf(Request request) {
        List<WriteKey> keys = new ArrayList<>();
        fromBasicAuth(request.header("Authorization")).ifPresent(keys::add);
        fromBody(request).filter(key -> !keys.contains(key)).ifPresent(keys::add);
        return keys;
    }

    /** The text with every one of the keys masked wherever it appears. */
    static String maskAll(String text, List<WriteKey> keys) {
        String masked = text;
        for (WriteKey key : keys) {
            masked = key.maskIn(masked);
        }
        return masked;
    }

    String last4() {
        return value.length() <= 4 ? value : value.substring(value.length() - 4);
    }

    /**
     * Replaces the key wherever it appears, as plain text or JSON-escaped the way Jackson escapes it. A client
     * may escape differently (e.g. a Unicode escape for a quote), so if the decoded JSON still holds the key, the
     * document is re-encoded with the key masked in every string: a recording never carries it whole.
     */
    String maskIn(String text) {
        if (value.length() <= 4) {
            return text;
        }
        String escaped = new String(JsonCodec.write(value), StandardCharsets.UTF_8);
        String masked = text.replace(escaped.substring(1, escaped.length() - 1), toString()).replace(value, toString());
        Optional<JsonNode> json = JsonCodec.parse(masked.getBytes(StandardCharsets.UTF_8));
        if (json.isEmpty() || !holdsKey(json.get())) {
            return masked;
        }
        return new String(JsonCodec.write(maskStrings(json.get())), StandardCharsets.UTF_8);
    }

    private boolean holdsKey(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().contains(value);
        }
        for (JsonNode child : node) {
            if (holdsKey(child)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode maskStrings(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace(value, toString()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey().replace(value, toString()), maskStrings(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(maskStrings(item)));
            return copy;
        }
        return node;
    }

    @Override
    public String toString() {
        return MASK + last4();
    }
}
