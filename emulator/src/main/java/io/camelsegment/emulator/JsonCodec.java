package io.camelsegment.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes JSON for every part of the emulator with one configured mapper, so that what is
 * recorded, what is answered and what the Debugger page shows are encoded the same way.
 */
final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // "{...} garbage" is malformed JSON, which Segment refuses; Jackson would otherwise ignore the garbage.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonCodec() {
    }

    /** One JSON document, or empty when the bytes are empty or not JSON. */
    static Optional<JsonNode> parse(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    static Map<String, Object> toMap(JsonNode object) {
        return MAPPER.convertValue(object, MAP);
    }
}
