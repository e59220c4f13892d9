package io.camelsegment.segment.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the tests compare: the component's catalog JSON and the starter's generated Spring Boot metadata. */
final class SegmentCatalog {

    static final String PREFIX = "camel.component.segment.";
    /** Camel Spring Boot's switch for the auto-configuration: the component option of that name is not bound. */
    static final String RESERVED = "enabled";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentCatalog() {
    }

    /** The component options of segment.json by name, without the reserved one. */
    static Map<String, JsonNode> componentOptions() {
        try (InputStream in = SegmentCatalog.class.getClassLoader()
                .getResourceAsStream("META-INF/io/camelsegment/segment/segment.json")) {
            Map<String, JsonNode> options = new LinkedHashMap<>();
            JSON.readTree(in).get("componentProperties").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
            options.remove(RESERVED);
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The starter's META-INF/spring-configuration-metadata.json, from the starter's own classes. */
    static JsonNode starterMetadata() {
        try {
            Path classes = Path.of(SegmentComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return JSON.readTree(Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Spring Boot property of a component option: camelCase becomes kebab-case. */
    static String property(String option) {
        return PREFIX + option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
