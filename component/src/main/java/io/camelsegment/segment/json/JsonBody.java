package io.camelsegment.segment.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an exchange body given as JSON text, JSON bytes or an object Jackson can write, as plain JSON values: maps,
 * lists, strings, numbers, booleans.
 *
 * <p>
 * A body is exactly one JSON value: Segment answers 400 to text with more after the first value, so that is refused
 * here rather than silently cut off.
 */
public final class JsonBody {

    /**
     * The deepest a body may nest objects and arrays, the body itself being level 1. Real Segment events nest a handful
     * of levels (message, properties, an object or two); 64 is far above that, and far below the depth at which
     * Jackson, recursing once per level, would exhaust a thread's stack (Jackson stops reading text at 1,000 itself).
     * A cyclic body is endlessly deep, so it is refused by the same rule.
     */
    public static final int MAX_DEPTH = 64;

    static final String TOO_DEEP = "the body is nested more than " + MAX_DEPTH + " levels deep, or is cyclic";

    private static final TypeReference<Object> VALUE = new TypeReference<>() {
    };

    private JsonBody() {
    }

    /**
     * The body as a JSON value, or {@code null} for no body, a blank string or no bytes.
     *
     * @throws InvalidJsonException when text or bytes are not one JSON value, when Jackson cannot write the object, or
     *                              when the body nests deeper than {@link #MAX_DEPTH}
     */
    public static Object read(ObjectMapper mapper, Object body) throws InvalidJsonException {
        Object value = parse(mapper, body);
        // text, and an object Jackson writes through its getters, can only be measured once read
        if (Nesting.exceeds(value, MAX_DEPTH)) {
            throw new InvalidJsonException(TOO_DEEP);
        }
        return value;
    }

    private static Object parse(ObjectMapper mapper, Object body) throws InvalidJsonException {
        try {
            if (body instanceof String json) {
                return json.isBlank() ? null : readOne(mapper, mapper.createParser(json));
            }
            if (body instanceof byte[] json) {
                return json.length == 0 ? null : readOne(mapper, mapper.createParser(json));
            }
        } catch (StreamConstraintsException e) {
            throw new InvalidJsonException("the body is over a JSON reading limit (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidJsonException("the body is not JSON (" + e.getClass().getSimpleName() + ")");
        }
        return body == null ? null : convert(mapper, body);
    }

    /** The first JSON value of the text; anything but whitespace after it is refused. */
    private static Object readOne(ObjectMapper mapper, JsonParser parser) throws IOException, InvalidJsonException {
        try (parser) {
            Object value = mapper.readValue(parser, VALUE);
            if (parser.nextToken() != null) {
                throw new InvalidJsonException("the body holds more than one JSON value; Segment takes exactly one");
            }
            return value;
        }
    }

    private static Object convert(ObjectMapper mapper, Object body) throws InvalidJsonException {
        // measured before Jackson recurses into it: a map holding itself would overflow the stack
        if (Nesting.exceeds(body, MAX_DEPTH)) {
            throw new InvalidJsonException(TOO_DEEP);
        }
        try {
            return mapper.convertValue(body, VALUE);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException("the body is not a value Jackson can write as JSON ("
                                           + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")");
        }
    }
}
