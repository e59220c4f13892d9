package io.camelsegment.segment.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (!(body instanceof String || body instanceof byte[])) {
            return body == null ? null : new PlainJson(mapper).copy(body, MAX_DEPTH);
        }
        Object value = parse(mapper, body);
        // text can only be measured once read
        if (Nesting.exceeds(value, MAX_DEPTH)) {
            throw new InvalidJsonException(TOO_DEEP);
        }
        return value;
    }

    /**
     * Whether {@link #read} would return an equal value for this object body, written by Jackson to the same JSON: a map
     * or list of plain JSON values, within {@link #MAX_DEPTH}. Such a body need not be copied to be read, only kept
     * unchanged; a body that is not (a bean, a date, an array, too deep, cyclic) goes through {@link #read}, which
     * converts it or refuses it with the reason.
     */
    public static boolean isPlain(Object body) {
        return (body instanceof Map || body instanceof List) && PlainJson.isPlain(body, MAX_DEPTH);
    }

    /**
     * A deep copy of a value {@link #read} returned: new maps and lists, the same immutable leaves. For a value that
     * several messages each complete in place, such as a batch envelope's {@code context}.
     */
    public static Object copyOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(capacity(map.size()));
            map.forEach((key, child) -> copy.put((String) key, copyOf(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(child -> copy.add(copyOf(child)));
            return copy;
        }
        return value;
    }

    /** The capacity a LinkedHashMap needs to hold {@code size} entries without growing. */
    static int capacity(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
    }

    private static Object parse(ObjectMapper mapper, Object body) throws InvalidJsonException {
        try {
            if (body instanceof String json) {
                return json.isBlank() ? null : readOne(mapper, mapper.createParser(json));
            }
            return ((byte[]) body).length == 0 ? null : readOne(mapper, mapper.createParser((byte[]) body));
        } catch (StreamConstraintsException e) {
            throw new InvalidJsonException("the body is over a JSON reading limit (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidJsonException("the body is not JSON (" + e.getClass().getSimpleName() + ")");
        }
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
}
