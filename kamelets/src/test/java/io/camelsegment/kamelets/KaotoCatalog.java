package io.camelsegment.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the Segment entries of a Kaoto catalog: the {@code segment} component (its {@code segment.json} with the
 * JSON schema Kaoto draws the form from, {@code propertiesSchema}) and the Kamelets of this module, in the shapes of
 * Kaoto's aggregated components and Kamelets files. Given a Kaoto catalog library (the folder of its {@code index.json},
 * e.g. {@code dist/camel-catalog} of the {@code @kaoto/camel-catalog} npm package), it also writes a copy of that
 * library whose every Camel runtime has the Segment entries too, for Kaoto's "Catalog URL" setting.
 *
 * <p>
 * The build runs it ({@code exec-maven-plugin}, {@code process-test-classes}): {@code target/kaoto-catalog/} gets
 * {@code segment-components.json} and {@code segment-kamelets.json}, and {@code target/kaoto-catalog/library/} the
 * merged library when {@code -Dkaoto.base=DIR} names one. {@link KaotoCatalogTest} checks what it wrote.
 */
public final class KaotoCatalog {

    static final String COMPONENTS = "segment-components.json";
    static final String KAMELETS = "segment-kamelets.json";
    static final String LIBRARY = "library";
    static final String SUFFIX = "-segment";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KaotoCatalog() {
    }

    /**
     * Arguments: the output folder, the folder of the Kamelet files, then optionally a Kaoto catalog library folder to
     * merge into.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path kamelets = Path.of(args[1]);
        writeEntries(kamelets, out);
        if (args.length > 2 && args[2] != null && !args[2].isBlank()) {
            merge(Path.of(args[2]), kamelets, out.resolve(LIBRARY));
        }
    }

    static void writeEntries(Path kamelets, Path out) throws IOException {
        Files.createDirectories(out);
        JSON.writeValue(out.resolve(COMPONENTS).toFile(), components());
        JSON.writeValue(out.resolve(KAMELETS).toFile(), kamelets(kamelets));
    }

    /** The component in Kaoto's aggregated components shape: {@code {"segment": {...segment.json, propertiesSchema}}}. */
    static ObjectNode components() throws IOException {
        ObjectNode segment = (ObjectNode) segmentJson();
        segment.set("propertiesSchema", propertiesSchema(segment.path("properties")));
        ObjectNode components = JSON.createObjectNode();
        components.set("segment", segment);
        return components;
    }

    static JsonNode segmentJson() throws IOException {
        try (InputStream in = KaotoCatalog.class.getResourceAsStream("/META-INF/io/camelsegment/segment/segment.json")) {
            if (in == null) {
                throw new IllegalStateException("segment.json is not on the classpath: camel-segment must be a dependency");
            }
            return JSON.readTree(in);
        }
    }

    /** The JSON schema of the endpoint options, as Kaoto's catalog generator writes one for each component. */
    static ObjectNode propertiesSchema(JsonNode options) {
        ObjectNode schema = JSON.createObjectNode();
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode option = entry.getValue();
            ObjectNode property = properties.putObject(entry.getKey());
            property.put("title", option.path("displayName").asText());
            property.put("description", option.path("description").asText());
            String type = option.path("type").asText();
            property.put("type", switch (type) {
                case "enum", "duration", "object" -> "string";
                default -> type;
            });
            if (option.has("enum")) {
                property.set("enum", option.get("enum"));
            }
            property.put("$comment", "group:" + option.path("group").asText());
            String format = "object".equals(type) ? "bean:" + option.path("javaType").asText()
                    : "duration".equals(type) ? "duration" : null;
            if (option.path("secret").asBoolean()) {
                format = format == null ? "password" : format + "|password";
            }
            if (format != null) {
                property.put("format", format);
            }
            if (option.has("defaultValue")) {
                property.set("default", option.get("defaultValue"));
            }
            if (option.path("required").asBoolean()) {
                required.add(entry.getKey());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** The Kamelets in Kaoto's aggregated Kamelets shape: each file as JSON, by name, with its form's schema. */
    static ObjectNode kamelets(Path folder) {
        ObjectNode kamelets = JSON.createObjectNode();
        for (Kamelets.Kamelet kamelet : Kamelets.all(folder)) {
            ObjectNode node = JSON.valueToTree(kamelet.yaml());
            JsonNode definition = node.path("spec").path("definition");
            ObjectNode schema = node.putObject("propertiesSchema");
            schema.put("$schema", "http://json-schema.org/draft-07/schema#");
            schema.put("type", "object");
            for (String field : List.of("title", "description", "required")) {
                if (definition.has(field)) {
                    schema.set(field, definition.get(field));
                }
            }
            ObjectNode properties = schema.putObject("properties");
            definition.path("properties").fields().forEachRemaining(entry -> {
                ObjectNode property = properties.putObject(entry.getKey());
                for (String field : List.of("type", "title", "description", "enum", "default", "format")) {
                    if (entry.getValue().has(field)) {
                        property.set(field, entry.getValue().get(field));
                    }
                }
            });
            kamelets.set(kamelet.name(), node);
        }
        return kamelets;
    }

    /**
     * Copies the library {@code base} to {@code out}, then adds the Segment entries to each Camel runtime: its
     * components and Kamelets files and its index are written anew under names ending in {@code -segment}, and the
     * library's {@code index.json} points at them. Runtimes without components (Citrus, XSLT) are left as they are.
     */
    static void merge(Path base, Path kameletFolder, Path out) throws IOException {
        copy(base, out);
        ObjectNode library = (ObjectNode) JSON.readTree(out.resolve("index.json").toFile());
        library.put("name", library.path("name").asText() + " with Segment");
        ObjectNode components = components();
        ObjectNode kamelets = kamelets(kameletFolder);
        for (JsonNode entry : library.path("definitions")) {
            Path index = out.resolve(entry.path("fileName").asText());
            ObjectNode definition = (ObjectNode) JSON.readTree(index.toFile());
            ObjectNode catalogs = (ObjectNode) definition.path("catalogs");
            if (!catalogs.has("components")) {
                continue;
            }
            addTo(index.getParent(), (ObjectNode) catalogs.get("components"), components);
            addTo(index.getParent(), (ObjectNode) catalogs.get("kamelets"), kamelets);
            Path merged = index.resolveSibling(withSuffix(index.getFileName().toString()));
            JSON.writeValue(merged.toFile(), definition);
            ((ObjectNode) entry).put("fileName", out.relativize(merged).toString().replace('\\', '/'));
            ((ObjectNode) entry).put("name", entry.path("name").asText() + " with Segment");
        }
        JSON.writeValue(out.resolve("index.json").toFile(), library);
    }

    /** Writes the aggregated file the catalog entry names, with the entries added, under a new name. */
    private static void addTo(Path folder, ObjectNode catalogEntry, ObjectNode entries) throws IOException {
        Path file = folder.resolve(catalogEntry.path("file").asText());
        ObjectNode aggregate = (ObjectNode) JSON.readTree(file.toFile());
        aggregate.setAll(entries);
        String name = withSuffix(file.getFileName().toString());
        JSON.writeValue(folder.resolve(name).toFile(), aggregate);
        catalogEntry.put("file", name);
    }

    private static String withSuffix(String fileName) {
        return fileName.replaceFirst("\\.json$", SUFFIX + ".json");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
