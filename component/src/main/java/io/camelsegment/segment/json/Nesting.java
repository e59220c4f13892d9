package io.camelsegment.segment.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Measures how deeply maps, collections and arrays nest inside a value, without ever recursing further than the
 * limit: so a cyclic or absurdly deep value is found before Jackson, which recurses once per level, overflows the
 * stack on it.
 */
final class Nesting {

    private Nesting() {
    }

    /** Whether the value nests more than {@code limit} levels deep, a container holding itself counting as endless. */
    static boolean exceeds(Object value, int limit) {
        return !within(value, limit, new ArrayList<>());
    }

    /** @param path the containers from the outermost down to this value's parent, to meet a cycle at its first turn */
    private static boolean within(Object value, int levelsLeft, List<Object> path) {
        Collection<?> children = children(value);
        if (children == null) {
            return true;
        }
        if (levelsLeft == 0 || onPath(value, path)) {
            return false;
        }
        path.add(value);
        for (Object child : children) {
            if (!within(child, levelsLeft - 1, path)) {
                return false;
            }
        }
        path.remove(path.size() - 1);
        return true;
    }

    /** Identity, not equals: equals on a cyclic map would itself recurse without end. */
    private static boolean onPath(Object value, List<Object> path) {
        for (Object ancestor : path) {
            if (ancestor == value) {
                return true;
            }
        }
        return false;
    }

    private static Collection<?> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values();
        }
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        return value instanceof Object[] array ? Arrays.asList(array) : null;
    }
}
