package io.camelsegment.segment.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Copies an object body into plain JSON values (string-keyed maps, lists, strings, numbers, booleans), the values
 * Jackson's {@code convertValue} would give, without Jackson writing and re-reading the whole body: maps, collections,
 * arrays and the JSON scalars a route puts in them are copied directly, and only other objects (a date, a UUID, an
 * enum, a bean) go through Jackson, one at a time, so the application's ObjectMapper still decides what they become.
 *
 * <p>
 * The copy is always new, so a message can be completed in place without touching the caller's body; and it never
 * goes deeper than the limit, so a cyclic or absurdly deep body is refused before anything recurses on it without end.
 */
final class PlainJson {

    private final ObjectMapper mapper;

    PlainJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param levelsLeft how many levels of objects and arrays the value may still nest, itself included */
    Object copy(Object value, int levelsLeft) throws InvalidJsonException {
        if (value == null || isScalar(value)) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, levelsLeft);
        }
        if (value instanceof Collection<?> collection) {
            return array(collection, levelsLeft);
        }
        if (value instanceof Object[] array) {
            return array(Arrays.asList(array), levelsLeft);
        }
        return converted(value, levelsLeft);
    }

    /**
     * Whether the value is plain JSON already, nesting at most {@code levelsLeft} levels: string-keyed maps and lists of
     * the JDK's own collections, holding only such values and JSON scalars. Jackson writes such a value exactly as it
     * writes its {@link #copy}, so it may be written as it is. Anything else (a bean, a date, a set, an array, a map of
     * another library whose serializer an application may have changed, a cycle) answers false.
     */
    static boolean isPlain(Object value, int levelsLeft) {
        if (value == null || isScalar(value)) {
            return true;
        }
        // classes first: testing one class against Map, then List, makes the JVM scan its interfaces every time
        Class<?> type = value.getClass();
        boolean map = type == LinkedHashMap.class || type == HashMap.class;
        boolean list = !map && type == ArrayList.class;
        if (!map && !list) {
            if (!type.getName().startsWith("java.util.")) {
                return false;
            }
            map = value instanceof Map;
            list = !map && value instanceof List;
        }
        if (levelsLeft == 0) {
            return false;
        }
        if (map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue(), levelsLeft - 1)) {
                    return false;
                }
            }
            return true;
        }
        if (list) {
            for (Object element : (List<?>) value) {
                if (!isPlain(element, levelsLeft - 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Values that are their own JSON: Jackson writes them as they are and reads them back equal. */
    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
               || value instanceof Boolean || value instanceof BigDecimal || value instanceof BigInteger;
    }

    private Object object(Map<?, ?> map, int levelsLeft) throws InvalidJsonException {
        if (levelsLeft == 0) {
            throw new InvalidJsonException(JsonBody.TOO_DEEP);
        }
        Map<String, Object> copy = new LinkedHashMap<>(JsonBody.capacity(map.size()));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                // a number, an enum or a null as key: Jackson's key serializers decide its text, or refuse it
                return converted(map, levelsLeft);
            }
            copy.put(key, copy(entry.getValue(), levelsLeft - 1));
        }
        return copy;
    }

    private List<Object> array(Collection<?> collection, int levelsLeft) throws InvalidJsonException {
        if (levelsLeft == 0) {
            throw new InvalidJsonException(JsonBody.TOO_DEEP);
        }
        List<Object> copy = new ArrayList<>(collection.size());
        for (Object element : collection) {
            copy.add(copy(element, levelsLeft - 1));
        }
        return copy;
    }

    /** Jackson writes the object as the application configured it; what it becomes is measured like any body. */
    private Object converted(Object value, int levelsLeft) throws InvalidJsonException {
        // measured before Jackson recurses into it: a map holding itself would overflow the stack
        if (Nesting.exceeds(value, levelsLeft)) {
            throw new InvalidJsonException(JsonBody.TOO_DEEP);
        }
        Object converted;
        try {
            converted = mapper.convertValue(value, Object.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException("the body is not a value Jackson can write as JSON ("
                                           + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")");
        }
        // an object Jackson writes through its getters can only be measured once written
        if (Nesting.exceeds(converted, levelsLeft)) {
            throw new InvalidJsonException(JsonBody.TOO_DEEP);
        }
        return converted;
    }
}
