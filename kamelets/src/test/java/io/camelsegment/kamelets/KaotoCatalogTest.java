package io.camelsegment.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelsegment.segment.SegmentOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kaoto catalog entries the build writes to {@code target/kaoto-catalog} ({@link KaotoCatalog}, run by
 * exec-maven-plugin before the tests) stay in step with {@code segment.json} and the Kamelet files, and merge into a
 * Kaoto catalog library.
 */
class KaotoCatalogTest {

    private static final Path BUILT = Path.of("target/kaoto-catalog");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theComponentEntryIsSegmentJsonWithAFormSchema() throws Exception {
        JsonNode segment = JSON.readTree(BUILT.resolve(KaotoCatalog.COMPONENTS).toFile()).path("segment");

        JsonNode withoutSchema = segment.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutSchema).remove("propertiesSchema");
        assertThat(withoutSchema).isEqualTo(KaotoCatalog.segmentJson());
        assertThat(names(segment.path("propertiesSchema").path("properties")))
                .containsExactlyElementsOf(names(KaotoCatalog.segmentJson().path("properties")));
    }

    @Test
    void theFormRequiresAnOperationAndOffersEveryOne() throws Exception {
        JsonNode schema = JSON.readTree(BUILT.resolve(KaotoCatalog.COMPONENTS).toFile()).path("segment").path("propertiesSchema");

        assertThat(names(schema.path("required"))).containsExactly("operation");
        assertThat(texts(schema.path("properties").path("operation").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(SegmentOperation.values()).map(SegmentOperation::toString).toList());
    }

    @Test
    void theFormShowsCredentialsAsPasswordsAndTheOperationsOfEachOption() throws Exception {
        JsonNode properties = JSON.readTree(BUILT.resolve(KaotoCatalog.COMPONENTS).toFile())
                .path("segment").path("propertiesSchema").path("properties");

        assertThat(properties.path("writeKey").path("format").asText()).isEqualTo("password");
        assertThat(properties.path("token").path("format").asText()).isEqualTo("password");
        assertThat(properties.path("sourceId").path("description").asText()).contains("Operations: addLabelsToSource, deleteSource");
    }

    @Test
    void theKameletsEntryHasEveryKameletFileWithItsFormSchema() throws Exception {
        JsonNode kamelets = JSON.readTree(BUILT.resolve(KaotoCatalog.KAMELETS).toFile());

        assertThat(names(kamelets)).containsExactlyElementsOf(Kamelets.all().stream().map(Kamelets.Kamelet::name).toList());
        JsonNode track = kamelets.path("segment-track-sink");
        assertThat(names(track.path("propertiesSchema").path("required"))).containsExactly("writeKey");
        assertThat(track.path("propertiesSchema").path("properties").path("writeKey").path("format").asText()).isEqualTo("password");
        assertThat(track.path("spec").path("template").path("from").path("uri").asText()).isEqualTo("kamelet:source");
    }

    @Test
    void mergingIntoAKaotoLibraryAddsSegmentToEachCamelRuntimeAndKeepsTheRest(@TempDir Path out) throws Exception {
        KaotoCatalog.merge(Path.of("src/test/resources/kaoto-base"), KameletSchemaTest.KAMELETS, out);

        JsonNode library = JSON.readTree(out.resolve("index.json").toFile());
        assertThat(library.path("name").asText()).isEqualTo("Default Kaoto catalog with Segment");
        JsonNode main = library.path("definitions").get(0);
        assertThat(main.path("fileName").asText()).isEqualTo("camel-main/4.17.0/index-0a1b2c3d-segment.json");
        Path folder = out.resolve("camel-main/4.17.0");
        JsonNode catalogs = JSON.readTree(folder.resolve("index-0a1b2c3d-segment.json").toFile()).path("catalogs");
        assertThat(names(JSON.readTree(folder.resolve(catalogs.path("components").path("file").asText()).toFile())))
                .containsExactly("timer", "segment");
        assertThat(names(JSON.readTree(folder.resolve(catalogs.path("kamelets").path("file").asText()).toFile())))
                .startsWith("slack-sink").contains("segment-track-sink", "segment-add-labels-action");
        assertThat(catalogs.path("models").path("file").asText()).isEqualTo("camel-catalog-aggregate-models-33333333.json");
        assertThat(folder.resolve("camel-catalog-aggregate-models-33333333.json")).exists();
        assertThat(library.path("definitions").get(1).path("fileName").asText()).isEqualTo("citrus/5.0.0/index.json");
        assertThat(out.resolve("citrus/5.0.0/actions.json")).exists();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> names.add(value.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return names(array);
    }
}
