package io.camelsegment.segment;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.publicapi.PublicApiParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog descriptor that Kaoto, Karavan and Camel JBang read is complete and agrees with the code. */
class CatalogTest {

    static JsonNode catalog() throws Exception {
        try (InputStream in = CatalogTest.class.getResourceAsStream("/META-INF/io/camelsegment/segment/segment.json")) {
            assertThat(in).as("segment.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theOperationEnumListsThe17OperationsInCamelCase() throws Exception {
        JsonNode operation = catalog().path("properties").path("operation");

        List<String> names = new ArrayList<>();
        operation.path("enum").forEach(n -> names.add(n.asText()));
        assertThat(names).containsExactly("identify", "track", "page", "screen", "group", "alias", "batch", "import",
                "addLabelsToSource", "deleteSource", "getDailyPerSourceApiCallsUsage", "getDestination",
                "listConnectedWarehousesFromSource", "listDeliveryMetricsSummaryFromDestination", "listSchemaSettingsInSource",
                "removeWriteKeyFromSource", "updateSource");
        assertThat(operation.path("required").asBoolean()).isTrue();
    }

    @Test
    void theComponentIsAProducerOnlySaasComponentWithAHeadersClass() throws Exception {
        JsonNode component = catalog().path("component");

        assertThat(component.path("scheme").asText()).isEqualTo("segment");
        assertThat(component.path("syntax").asText()).isEqualTo("segment:operation");
        assertThat(component.path("producerOnly").asBoolean()).isTrue();
        assertThat(component.path("async").asBoolean()).isTrue();
        assertThat(component.path("label").asText()).contains("saas");
        assertThat(component.path("groupId").asText()).isEqualTo("io.camelsegment");
        assertThat(component.path("artifactId").asText()).isEqualTo("camel-segment");
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode catalog = catalog();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            catalog.path(section).fields().forEachRemaining(entry -> assertThat(entry.getValue().path("description").asText())
                    .as(section + "." + entry.getKey()).isNotBlank());
        }
    }

    @Test
    void writeKeyAndTokenAreSecretEverywhere() throws Exception {
        JsonNode catalog = catalog();
        for (String section : List.of("componentProperties", "properties")) {
            assertThat(catalog.path(section).path("writeKey").path("secret").asBoolean()).as(section).isTrue();
            assertThat(catalog.path(section).path("token").path("secret").asBoolean()).as(section).isTrue();
        }
        assertThat(catalog.path("headers").path(SegmentConstants.WRITE_KEY).path("secret").asBoolean()).isTrue();
        assertThat(catalog.path("headers").path(SegmentConstants.TOKEN).path("secret").asBoolean()).isTrue();
    }

    @Test
    void everyPublicApiParameterHasAnOptionAndAHeader() throws Exception {
        JsonNode catalog = catalog();
        for (PublicApiParameter parameter : PublicApiParameter.values()) {
            assertThat(catalog.path("properties").has(parameter.option())).as(parameter.option()).isTrue();
            assertThat(catalog.path("headers").has(SegmentConstants.headerFor(parameter.option())))
                    .as(SegmentConstants.headerFor(parameter.option())).isTrue();
        }
    }

    @Test
    void theRegionAndBodyModeOptionsListTheirValues() throws Exception {
        JsonNode properties = catalog().path("properties");

        assertThat(new ObjectMapper().convertValue(properties.path("region").path("enum"), List.class))
                .isEqualTo(Arrays.asList("us", "eu"));
        assertThat(properties.path("region").path("defaultValue").asText()).isEqualTo("us");
        assertThat(new ObjectMapper().convertValue(properties.path("bodyMode").path("enum"), List.class))
                .isEqualTo(List.of("message", "payload"));
        assertThat(new ObjectMapper().convertValue(properties.path("granularity").path("enum"), List.class))
                .isEqualTo(List.of("DAY", "HOUR", "MINUTE"));
    }

    @Test
    void everyOptionSomeOperationReadsNamesThoseOperationsAndTheirNeedInItsDescription() throws Exception {
        JsonNode catalog = catalog();

        assertThat(catalog.path("properties").path("sourceId").path("description").asText()).endsWith(
                " Operations: addLabelsToSource, deleteSource, listConnectedWarehousesFromSource,"
                + " listDeliveryMetricsSummaryFromDestination, listSchemaSettingsInSource, removeWriteKeyFromSource,"
                + " updateSource (required).");
        OperationCatalog.operationsByOption().forEach((option, sentence) -> {
            assertThat(catalog.path("properties").path(option).path("description").asText()).as(option).endsWith(" " + sentence);
            assertThat(catalog.path("componentProperties").path(option).path("description").asText())
                    .as("component " + option).endsWith(" " + sentence);
        });
        OperationCatalog.operationsByHeader().forEach((header, sentence) -> assertThat(
                catalog.path("headers").path(header).path("description").asText()).as(header).endsWith(" " + sentence));
    }

    @Test
    void theOperationOptionSaysWhatEachOperationRequires() throws Exception {
        String description = catalog().path("properties").path("operation").path("description").asText();

        assertThat(description).contains("deleteSource (token, sourceId)", "track (writeKey, userId or anonymousId+, event+)");
        for (SegmentOperation operation : SegmentOperation.values()) {
            assertThat(description).contains(" " + operation + " (");
        }
    }

    @Test
    void theComponentDescriptionListsTheOperationsOfEachApi() throws Exception {
        assertThat(catalog().path("component").path("description").asText()).contains(
                "Tracking API operations (writeKey): identify, track, page, screen, group, alias, batch, import.",
                "Public API operations (token): addLabelsToSource, deleteSource,");
    }
}
