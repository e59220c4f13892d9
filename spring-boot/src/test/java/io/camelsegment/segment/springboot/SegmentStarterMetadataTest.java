package io.camelsegment.segment.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static io.camelsegment.segment.springboot.SegmentCatalog.PREFIX;
import static io.camelsegment.segment.springboot.SegmentCatalog.componentOptions;
import static io.camelsegment.segment.springboot.SegmentCatalog.property;
import static io.camelsegment.segment.springboot.SegmentCatalog.starterMetadata;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata that the starter ships (META-INF/spring-configuration-metadata.json) documents every component
 * option of the component's catalog (segment.json) with the same name, type, default and description.
 */
class SegmentStarterMetadataTest {

    private static final String HOW_TO_FIX = "\nThe starter's options are generated from segment.json by"
            + " spring-boot/src/build/java/SegmentStarterGenerator.java: rebuild the starter"
            + " (mvn -B verify -pl spring-boot -am); if the generator refused an option, teach it that option's type.";

    private final Map<String, JsonNode> options = componentOptions();
    private final Map<String, JsonNode> properties = properties();

    @Test
    void everyComponentOptionIsAStarterPropertyAndNothingElse() {
        List<String> missing = new ArrayList<>();
        options.keySet().stream().filter(option -> !properties.containsKey(property(option)))
                .forEach(option -> missing.add("component option " + option + " has no " + property(option)));
        List<String> expected = new ArrayList<>(options.keySet().stream().map(SegmentCatalog::property).toList());
        // Camel Spring Boot's own switches, on every starter
        expected.addAll(List.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        properties.keySet().stream().filter(name -> !expected.contains(name))
                .forEach(name -> missing.add(name + " is no component option of segment.json"));

        assertThat(missing).as("drift between segment.json and the starter" + HOW_TO_FIX).isEmpty();
    }

    @Test
    void everyPropertyHasTheTypeSpringBootUsersExpectForItsOption() {
        assertThat(compare(option -> expectedType(option), property -> property.path("type").asText(null)))
                .as("types" + HOW_TO_FIX).isEmpty();
    }

    @Test
    void everyPropertyHasItsOptionsDefault() {
        assertThat(compare(SegmentStarterMetadataTest::expectedDefault, SegmentStarterMetadataTest::actualDefault))
                .as("defaults" + HOW_TO_FIX).isEmpty();
    }

    @Test
    void everyPropertyHasItsOptionsDescription() {
        assertThat(compare(option -> option.get("description").asText(), property -> property.path("description").asText(null)))
                .as("descriptions" + HOW_TO_FIX).isEmpty();
    }

    @Test
    void everyEnumOptionListsItsValuesForCompletion() {
        Map<String, List<String>> hints = new LinkedHashMap<>();
        starterMetadata().get("hints").forEach(hint -> {
            List<String> values = new ArrayList<>();
            hint.path("values").forEach(value -> values.add(value.get("value").asText()));
            hints.put(hint.get("name").asText(), values);
        });
        Map<String, List<String>> expected = new LinkedHashMap<>();
        options.forEach((name, option) -> {
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(value -> values.add(value.asText()));
                expected.put(property(name), values);
            }
        });
        assertThat(expected).isNotEmpty();
        expected.forEach((property, values) -> assertThat(hints.get(property)).as(property + HOW_TO_FIX).isEqualTo(values));
    }

    @Test
    void theEnabledPropertySwitchesTheAutoConfigurationAndPointsToTheEndpointOption() {
        JsonNode enabled = properties.get(PREFIX + "enabled");

        assertThat(enabled.get("type").asText()).isEqualTo("java.lang.Boolean");
        assertThat(enabled.get("description").asText())
                .startsWith("Whether to enable auto configuration of the segment component")
                .contains("segment:updateSource?enabled=false");
    }

    /** Differences between what segment.json implies and what the metadata says, one line each. */
    private List<String> compare(java.util.function.Function<JsonNode, Object> fromOption,
            java.util.function.Function<JsonNode, Object> fromProperty) {
        List<String> differences = new ArrayList<>();
        for (String name : new TreeSet<>(options.keySet())) {
            JsonNode property = properties.get(property(name));
            Object expected = fromOption.apply(options.get(name));
            Object actual = property == null ? "(no property)" : fromProperty.apply(property);
            if (!java.util.Objects.equals(expected, actual)) {
                differences.add(property(name) + ": segment.json implies <" + expected + "> but the starter has <" + actual + ">");
            }
        }
        return differences;
    }

    /** Durations are java.time.Duration ("10s" or milliseconds), primitives their wrappers, the rest the option's type. */
    private static String expectedType(JsonNode option) {
        if ("duration".equals(option.get("type").asText())) {
            return "java.time.Duration";
        }
        return switch (option.get("javaType").asText()) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "float" -> "java.lang.Float";
            default -> option.get("javaType").asText();
        };
    }

    /** The default as text; durations in milliseconds, whichever way they are written. */
    private static Object expectedDefault(JsonNode option) {
        if (!option.has("defaultValue")) {
            return null;
        }
        String value = option.get("defaultValue").asText();
        return "duration".equals(option.get("type").asText()) ? Long.toString(TimeUtils.toMilliSeconds(value)) : value;
    }

    private static Object actualDefault(JsonNode property) {
        if (!property.has("defaultValue")) {
            return null;
        }
        String value = property.get("defaultValue").asText();
        if ("java.time.Duration".equals(property.path("type").asText())) {
            Duration duration = DurationStyle.detectAndParse(value);
            return Long.toString(duration.toMillis());
        }
        return value;
    }

    private static Map<String, JsonNode> properties() {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        starterMetadata().get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        return properties;
    }
}
