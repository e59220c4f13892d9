package io.camelsegment.segment.publicapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.json.InvalidJsonException;
import io.camelsegment.segment.json.JsonBody;

/** How a Public API request body is made from the exchange body and option values. */
public enum RequestBody {

    /** The operation sends no body. */
    NONE(List.of(), false) {
        @Override
        Map<String, Object> build(Object body, Function<String, Object> options, ObjectMapper mapper, List<String> problems) {
            return null;
        }
    },

    /**
     * {@code {"labels":[{"key","value","description"?}]}}, from a body holding that object or just the list, or else
     * from the {@code labels} option as {@code key:value} pairs separated by commas.
     */
    LABELS(List.of("labels"), true) {
        @Override
        Map<String, Object> build(Object body, Function<String, Object> options, ObjectMapper mapper, List<String> problems) {
            Object value = read(body, mapper, problems);
            if (value instanceof Map<?, ?> map) {
                value = map.get("labels");
            }
            Object pairs = options.apply(options().get(0));
            if (value == null && pairs != null) {
                value = fromPairs(pairs.toString(), problems);
            }
            if (!(value instanceof List<?> labels) || labels.isEmpty()) {
                problems.add("labels are required: a body {\"labels\":[{\"key\":...,\"value\":...}]}, a list of labels,"
                             + " or the labels option as key:value pairs");
                return null;
            }
            for (int i = 0; i < labels.size(); i++) {
                checkLabel(i, labels.get(i), problems);
            }
            return Map.of("labels", labels);
        }

        private List<Object> fromPairs(String pairs, List<String> problems) {
            List<Object> labels = new ArrayList<>();
            for (String pair : pairs.split(",")) {
                int colon = pair.indexOf(':');
                if (colon <= 0 || colon == pair.length() - 1) {
                    problems.add("label '" + pair.trim() + "' must be written key:value");
                    continue;
                }
                labels.add(Map.of("key", pair.substring(0, colon).trim(), "value", pair.substring(colon + 1).trim()));
            }
            return labels;
        }

        private void checkLabel(int index, Object label, List<String> problems) {
            if (!(label instanceof Map<?, ?> map)) {
                problems.add("label " + index + " must be an object with key and value");
                return;
            }
            for (String field : List.of("key", "value")) {
                if (!(map.get(field) instanceof String text) || text.isBlank()) {
                    problems.add("label " + index + ": " + field + " is required");
                }
            }
        }
    },

    /** {@code UpdateSourceV1Input}: name, enabled, slug and settings, from the body, filled in from options. */
    SOURCE_UPDATE(List.of("name", "enabled", "slug"), false) {
        private static final Set<String> FIELDS = Set.of("name", "enabled", "slug", "settings");

        @Override
        Map<String, Object> build(Object body, Function<String, Object> options, ObjectMapper mapper, List<String> problems) {
            Object value = read(body, mapper, problems);
            if (value != null && !(value instanceof Map)) {
                problems.add("the body must be an object with name, enabled, slug or settings");
                return null;
            }
            Map<String, Object> input = new LinkedHashMap<>();
            if (value != null) {
                ((Map<?, ?>) value).forEach((k, v) -> input.put(String.valueOf(k), v));
            }
            for (String field : options()) {
                Object option = options.apply(field);
                if (option != null && !input.containsKey(field)) {
                    input.put(field, option);
                }
            }
            input.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
                    .forEach(k -> problems.add("'" + k + "' is not a source field: use name, enabled, slug or settings"));
            if (input.isEmpty()) {
                problems.add("nothing to update: give name, enabled, slug or settings");
            }
            checkType(input, "name", String.class, "a string", problems);
            checkType(input, "slug", String.class, "a string", problems);
            checkType(input, "settings", Map.class, "an object", problems);
            if (input.get("enabled") instanceof String text && ("true".equals(text) || "false".equals(text))) {
                input.put("enabled", Boolean.valueOf(text));
            }
            checkType(input, "enabled", Boolean.class, "true or false", problems);
            return input;
        }

        private void checkType(Map<String, Object> input, String field, Class<?> type, String what, List<String> problems) {
            if (input.containsKey(field) && !type.isInstance(input.get(field))) {
                problems.add(field + " must be " + what);
            }
        }
    };

    private final List<String> options;
    private final boolean optionsRequiredUnlessInBody;

    RequestBody(List<String> options, boolean optionsRequiredUnlessInBody) {
        this.options = options;
        this.optionsRequiredUnlessInBody = optionsRequiredUnlessInBody;
    }

    /** The options (and headers) that fill in the body, in the order a form should show them. */
    public List<String> options() {
        return options;
    }

    /** Whether the call is refused when neither the body nor these options give a value. */
    public boolean optionsRequiredUnlessInBody() {
        return optionsRequiredUnlessInBody;
    }

    /**
     * The request body as a JSON-ready map, or {@code null} for none; problems found are added to {@code problems}.
     */
    abstract Map<String, Object> build(Object body, Function<String, Object> options, ObjectMapper mapper,
                                       List<String> problems);

    private static Object read(Object body, ObjectMapper mapper, List<String> problems) {
        try {
            return JsonBody.read(mapper, body);
        } catch (InvalidJsonException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
