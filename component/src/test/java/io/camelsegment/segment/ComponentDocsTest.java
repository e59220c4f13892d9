package io.camelsegment.segment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelsegment.segment.publicapi.PublicApiCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of segment-component.adoc are rendered from the catalog JSON, and the table of what each
 * operation reads from the operation rows ({@link SegmentOperation#optionUses()}); this test fails when they drift. Regenerate them with {@code mvn -pl component test -Dtest=ComponentDocsTest -Dsegment.updateDocs=true}.
 */
class ComponentDocsTest {

    private static final Path ADOC = Path.of("src/main/docs/segment-component.adoc");

    @Test
    void theOptionAndHeaderTablesMatchTheCatalog() throws Exception {
        JsonNode catalog = CatalogTest.catalog();
        String adoc = Files.readString(ADOC, StandardCharsets.UTF_8);
        String expected = adoc;
        for (Map.Entry<String, String> table : Map.of(
                "component options", optionTable(catalog.path("componentProperties"), false),
                "endpoint options", optionTable(catalog.path("properties"), true),
                "component headers", headerTable(catalog.path("headers")),
                "operation options", operationTable()).entrySet()) {
            expected = replaceBetweenMarkers(expected, table.getKey(), table.getValue());
        }
        if (Boolean.getBoolean("segment.updateDocs")) {
            Files.writeString(ADOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(adoc).as("run with -Dsegment.updateDocs=true to regenerate the tables").isEqualTo(expected);
    }

    private static String replaceBetweenMarkers(String adoc, String name, String table) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = adoc.indexOf(start);
        int to = adoc.indexOf(end);
        assertThat(from).as("marker " + start.trim()).isNotNegative();
        assertThat(to).as("marker " + end).isGreaterThan(from);
        return adoc.substring(0, from + start.length()) + table + adoc.substring(to);
    }

    private static String optionTable(JsonNode options, boolean endpoint) {
        StringBuilder table = new StringBuilder();
        table.append("The ").append(endpoint ? "endpoint" : "component").append(" has ").append(options.size())
                .append(" options").append(endpoint ? " (the operation path and query parameters)" : "").append(".\n\n");
        table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            table.append("| *").append(option.getKey()).append("* (").append(o.path("group").asText()).append(")")
                    .append(o.path("required").asBoolean() ? " *Required*" : "")
                    .append(" | ").append(escape(o.path("description").asText()))
                    .append(o.path("secret").asBoolean() ? " Secret: masked in logs." : "")
                    .append(o.has("enum") ? " One of: " + join(o.path("enum")) + "." : "")
                    .append(" | ").append(escape(o.path("defaultValue").asText("")))
                    .append(" | ").append(escape(simpleType(o.path("javaType").asText()))).append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String operationTable() {
        StringBuilder table = new StringBuilder();
        table.append("[width=\"100%\",cols=\"3,4,2,3,3\",options=\"header\"]\n|===\n| Operation | HTTP | Option | Header | Need\n");
        for (SegmentOperation operation : SegmentOperation.values()) {
            List<OptionUse> uses = operation.optionUses();
            String span = uses.size() > 1 ? "." + uses.size() + "+" : "";
            table.append(span).append("| `").append(operation).append("` ").append(span).append("| `").append(http(operation))
                    .append('`').append(operation.publicApiCall().map(ComponentDocsTest::version).orElse("")).append('\n');
            for (OptionUse use : uses) {
                table.append("| ").append(use.from() == OptionUse.From.HEADER ? "-" : "`" + use.option() + "`")
                        .append(" | ").append(use.header().map(header -> "`" + header + "`").orElse("-"))
                        .append(" | ").append(use.need().text()).append('\n');
            }
        }
        return table.append("|===\n").toString();
    }

    private static String http(SegmentOperation operation) {
        return operation.trackingCall().map(call -> "POST /v1" + call.path())
                .orElseGet(() -> operation.publicApiCall().map(call -> call.method() + " " + call.pathTemplate()).orElseThrow());
    }

    private static String version(PublicApiCall call) {
        return PublicApiCall.BETA.equals(call.accept()) ? " (beta)" : PublicApiCall.ALPHA.equals(call.accept()) ? " (alpha)" : "";
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder table = new StringBuilder();
        table.append("The component reads and writes ").append(headers.size()).append(" message headers.\n\n");
        table.append("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            table.append("| *").append(header.getKey()).append("* (").append(h.path("constantName").asText()
                    .replaceFirst("^.*#", "")).append(") | ").append(escape(h.path("description").asText()))
                    .append(h.path("secret").asBoolean() ? " Secret." : "")
                    .append(" | ").append(escape(simpleType(h.path("javaType").asText()))).append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String join(JsonNode values) {
        StringBuilder joined = new StringBuilder();
        values.forEach(v -> joined.append(joined.length() == 0 ? "" : ", ").append(v.asText()));
        return joined.toString();
    }

    private static String simpleType(String javaType) {
        return javaType.replaceAll("[a-z0-9_]+\\.", "");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
