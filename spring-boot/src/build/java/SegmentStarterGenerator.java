import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.TimeUtils;

/**
 * Writes the starter's {@code SegmentComponentConfiguration} from the component's catalog JSON, so every component
 * option reaches Spring Boot (typed, documented, with its default) without a second hand-written list.
 *
 * <p>
 * Run by the build (exec-maven-plugin, generate-sources) with the starter's compile classpath, which holds the
 * component jar and its catalog JSON. Arguments: the catalog resource, the Java output folder, the resources output
 * folder. The Spring Boot configuration processor then turns the generated class into
 * {@code META-INF/spring-configuration-metadata.json}, merging the generated
 * {@code additional-spring-configuration-metadata.json} (enum defaults, value hints).
 */
public class SegmentStarterGenerator {

    static final String PACKAGE = "io.camelsegment.segment.springboot";
    static final String CLASS = "SegmentComponentConfiguration";
    static final String PREFIX = "camel.component.segment";

    /**
     * Component options that Camel Spring Boot keeps for itself: {@code camel.component.segment.enabled} switches the
     * auto-configuration on or off, so the component's own {@code enabled} cannot be bound there.
     */
    static final Map<String, String> RESERVED = Map.of("enabled",
            "Whether to enable auto configuration of the segment component. This is enabled by default. (The component"
                    + " option enabled of updateSource is set on the endpoint, segment:updateSource?enabled=false, or"
                    + " with the CamelSegmentEnabled header.)");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Arguments: catalog-resource java-output-dir resources-output-dir");
        }
        JsonNode catalog;
        try (InputStream in = SegmentStarterGenerator.class.getClassLoader().getResourceAsStream(args[0])) {
            if (in == null) {
                throw new IllegalStateException(args[0] + " is not on the classpath: is camel-segment a dependency?");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        List<Option> options = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!RESERVED.containsKey(entry.getKey())) {
                options.add(Option.of(entry.getKey(), entry.getValue()));
            }
        }
        String component = catalog.get("component").get("javaType").asText();
        String description = catalog.get("component").get("description").asText();
        write(Path.of(args[1], PACKAGE.replace('.', '/'), CLASS + ".java"), javaSource(component, description, options));
        write(Path.of(args[2], "META-INF", "additional-spring-configuration-metadata.json"), additionalMetadata(options));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.readString(file).equals(content)) {
            return; // unchanged: keep the timestamp, so the compiler has nothing new to do
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** One component option as the starter types it. */
    record Option(String name, String description, String catalogType, String javaType, String bootType,
            List<String> enums, String defaultValue, boolean secret) {

        static Option of(String name, JsonNode json) {
            String catalogType = json.get("type").asText();
            String javaType = json.get("javaType").asText();
            List<String> enums = new ArrayList<>();
            if (json.has("enum")) {
                json.get("enum").forEach(value -> enums.add(value.asText()));
            }
            String defaultValue = json.has("defaultValue") ? json.get("defaultValue").asText() : null;
            return new Option(name, json.get("description").asText(), catalogType, javaType,
                    bootType(name, catalogType, javaType), enums, defaultValue, json.path("secret").asBoolean());
        }

        /** Spring Boot users expect java.time.Duration for durations ("10s", or a number of milliseconds). */
        private static String bootType(String name, String catalogType, String javaType) {
            if ("duration".equals(catalogType)) {
                if (!Set.of("long", "java.lang.Long", "int", "java.lang.Integer", "java.time.Duration").contains(javaType)) {
                    throw new IllegalStateException("Option " + name + " is a duration of Java type " + javaType
                            + ": teach SegmentStarterGenerator.bootType how to pass a java.time.Duration to it");
                }
                return "java.time.Duration";
            }
            return switch (javaType) {
                case "boolean" -> "java.lang.Boolean";
                case "int" -> "java.lang.Integer";
                case "long" -> "java.lang.Long";
                case "double" -> "java.lang.Double";
                case "float" -> "java.lang.Float";
                case "short", "byte", "char" -> throw new IllegalStateException("Option " + name + " has Java type "
                        + javaType + ": teach SegmentStarterGenerator.bootType to map it");
                default -> javaType;
            };
        }

        String field() {
            return name;
        }

        /**
         * The type as the source names it: java.lang types by their simple names, as the configuration processor
         * would otherwise report 0 or false as the default of an Integer or Boolean left unset.
         */
        String sourceType() {
            return bootType.startsWith("java.lang.") ? bootType.substring("java.lang.".length()) : bootType;
        }

        String capitalized() {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        boolean isJavaEnum() {
            return !enums.isEmpty() && !"java.lang.String".equals(javaType);
        }

        /** A bean reference (#bean:name) in properties; bound through SegmentComponentConverter. */
        boolean isBeanReference() {
            return "object".equals(catalogType);
        }

        String kebab() {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        }

        /** The field initializer, or null. */
        String initializer() {
            if (defaultValue == null || defaultValue.isEmpty()) {
                return null;
            }
            if ("java.time.Duration".equals(bootType)) {
                // the simple name: the configuration processor reads Duration.ofMillis(..) as a default, not a qualified call
                return "Duration.ofMillis(" + TimeUtils.toMilliSeconds(defaultValue) + "L)";
            }
            if (isJavaEnum()) {
                return javaType + "." + enumConstant(javaType, defaultValue);
            }
            return switch (bootType) {
                case "java.lang.String" -> quote(defaultValue);
                case "java.lang.Boolean" -> Boolean.toString(Boolean.parseBoolean(defaultValue));
                case "java.lang.Integer" -> Integer.toString(Integer.parseInt(defaultValue));
                case "java.lang.Long" -> Long.parseLong(defaultValue) + "L";
                case "java.lang.Double" -> Double.parseDouble(defaultValue) + "D";
                case "java.lang.Float" -> Float.parseFloat(defaultValue) + "F";
                default -> throw new IllegalStateException("Option " + name + " of type " + bootType + " has a default "
                        + defaultValue + ": teach SegmentStarterGenerator.Option.initializer to write it");
            };
        }

        /** The value handed to the component: durations in the unit of the component's option. */
        String componentValue() {
            if ("java.time.Duration".equals(bootType) && !"java.time.Duration".equals(javaType)) {
                return javaType.endsWith("nt") || javaType.endsWith("Integer")
                        ? "Math.toIntExact(" + field() + ".toMillis())" : field() + ".toMillis()";
            }
            return field();
        }
    }

    private static String enumConstant(String enumType, String catalogValue) {
        try {
            Class<?> type = Class.forName(enumType, false, SegmentStarterGenerator.class.getClassLoader());
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                if (value.toString().equals(catalogValue) || value.name().equalsIgnoreCase(catalogValue)) {
                    return value.name();
                }
            }
            throw new IllegalStateException(enumType + " has no constant for the catalog default " + catalogValue);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(enumType + " is not on the classpath", e);
        }
    }

    private static String javaSource(String component, String description, List<Option> options) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        out.append("import java.time.Duration;\nimport java.util.LinkedHashMap;\n");
        out.append("import java.util.LinkedHashSet;\n");
        out.append("import java.util.List;\n");
        out.append("import java.util.Map;\n");
        out.append("import java.util.Set;\n\n");
        out.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
        out.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n");
        out.append("/**\n * ").append(javadoc(description)).append("\n *\n");
        out.append(" * <p>\n * The options of {@code ").append(component).append("} under {@code ").append(PREFIX)
                .append("}. Generated from the component's catalog JSON by\n")
                .append(" * {@code spring-boot/src/build/java/SegmentStarterGenerator.java}: do not edit.\n */\n");
        out.append("@ConfigurationProperties(prefix = \"").append(PREFIX).append("\")\n");
        out.append("public class ").append(CLASS).append(" extends ComponentConfigurationPropertiesCommon {\n\n");

        Set<String> secrets = new TreeSet<>();
        Set<String> beanTypes = new TreeSet<>();
        options.stream().filter(Option::secret).forEach(o -> secrets.add(o.name()));
        options.stream().filter(Option::isBeanReference).forEach(o -> beanTypes.add(o.bootType()));
        out.append("    /** The component options whose values are secrets. */\n");
        out.append("    public static final Set<String> SECRET_OPTIONS = Set.of(")
                .append(String.join(", ", secrets.stream().map(SegmentStarterGenerator::quote).toList())).append(");\n\n");
        out.append("    /** The types of options set with a bean reference ({@code #bean:name} or {@code #name}). */\n");
        out.append("    public static final List<Class<?>> BEAN_TYPES = List.of(")
                .append(String.join(", ", beanTypes.stream().map(t -> t + ".class").toList())).append(");\n\n");
        for (Map.Entry<String, String> reserved : RESERVED.entrySet()) {
            // the configuration processor documents the inherited switch with this field's Javadoc
            out.append("    /**\n     * ").append(javadoc(reserved.getValue())).append("\n     */\n");
            out.append("    @SuppressWarnings(\"unused\")\n");
            out.append("    private Boolean ").append(reserved.getKey()).append(";\n\n");
        }
        for (Option option : options) {
            out.append("    /**\n     * ").append(javadoc(option.description())).append("\n     */\n");
            out.append("    private ").append(option.sourceType()).append(' ').append(option.field());
            String initializer = option.initializer();
            if (initializer != null) {
                out.append(" = ").append(initializer);
            }
            out.append(";\n\n");
        }
        out.append("    /** The options set in the application's configuration, in the order they were bound. */\n");
        out.append("    private final Set<String> configured = new LinkedHashSet<>();\n\n");
        for (Option option : options) {
            out.append("    public ").append(option.sourceType()).append(" get").append(option.capitalized())
                    .append("() {\n        return ").append(option.field()).append(";\n    }\n\n");
            out.append("    public void set").append(option.capitalized()).append('(').append(option.sourceType())
                    .append(' ').append(option.field()).append(") {\n        this.").append(option.field())
                    .append(" = ").append(option.field()).append(";\n        configured.add(\"")
                    .append(option.name()).append("\");\n    }\n\n");
        }
        out.append("    /**\n");
        out.append("     * The options the application set, by component option name, with values as the component takes them\n");
        out.append("     * (durations in milliseconds); {@code configuration} first, so the options set beside it refine it.\n");
        out.append("     * Options left at their defaults are not included: the component has the same defaults.\n");
        out.append("     *\n     * @return option name to value\n     */\n");
        out.append("    public Map<String, Object> componentOptions() {\n");
        out.append("        Map<String, Object> options = new LinkedHashMap<>();\n");
        options.stream().filter(o -> o.name().equals("configuration")).forEach(o -> appendPut(out, o));
        options.stream().filter(o -> !o.name().equals("configuration")).forEach(o -> appendPut(out, o));
        out.append("        return options;\n    }\n}\n");
        return out.toString();
    }

    private static void appendPut(StringBuilder out, Option option) {
        out.append("        if (configured.contains(\"").append(option.name()).append("\") && ").append(option.field())
                .append(" != null) {\n            options.put(\"").append(option.name()).append("\", ")
                .append(option.componentValue()).append(");\n        }\n");
    }

    /** Spring Boot reads a field's Javadoc as the option's description: one line, nothing that ends the comment. */
    private static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("\r", " ").replace("\n", " ");
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Defaults the configuration processor cannot read from enum initializers, and the values of string enums. */
    private static String additionalMetadata(List<Option> options) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        ArrayNode hints = root.putArray("hints");
        for (Option option : options) {
            if (option.isJavaEnum() && option.defaultValue() != null) {
                ObjectNode property = properties.addObject();
                property.put("name", PREFIX + "." + option.kebab());
                property.put("type", option.bootType());
                property.put("defaultValue", option.defaultValue());
            }
            if (!option.enums().isEmpty()) {
                ObjectNode hint = hints.addObject();
                hint.put("name", PREFIX + "." + option.kebab());
                ArrayNode values = hint.putArray("values");
                option.enums().forEach(value -> values.addObject().put("value", value));
            }
            if (option.isBeanReference()) {
                ObjectNode hint = hints.addObject();
                hint.put("name", PREFIX + "." + option.kebab());
                ObjectNode provider = hint.putArray("providers").addObject();
                provider.put("name", "spring-bean-reference");
                provider.putObject("parameters").put("target", option.bootType());
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("properties", properties);
        ordered.put("hints", hints);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(ordered) + "\n";
    }
}
