package io.camelsegment.segment.json;

import java.io.IOException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an exchange body given as JSON text, JSON bytes or an object Jackson can write, as plain JSON values: maps,
 * lists, strings, numbers, booleans.
 */
public final class JsonBody {

    private static final TypeReference<Object> VALUE = new TypeReference<>() {
    };

    private JsonBody() {
    }

    /**
     * The body as a JSON value, or {@code null} for no body, a blank string or no bytes.
     *
     * @throws IOException              when text or bytes are not JSON
     * @throws IllegalArgumentException when Jackson cannot write the object
     */
    public static Object read(ObjectMapper mapper, Object body) throws IOException {
        if (body instanceof String json) {
            return json.isBlank() ? null : mapper.readValue(json, VALUE);
        }
        if (body instanceof byte[] json) {
            return json.length == 0 ? null : mapper.readValue(json, VALUE);
        }
        return body == null ? null : mapper.convertValue(body, VALUE);
    }
}
