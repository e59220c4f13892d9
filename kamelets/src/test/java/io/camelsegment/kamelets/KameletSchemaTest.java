package io.camelsegment.kamelets;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of every Kamelet file, as the stock Kamelet catalog (camel-kamelets) writes its own: what Kaoto, Karavan and
 * Camel K read to draw a form and resolve dependencies.
 */
class KameletSchemaTest {

    static final Path KAMELETS = Path.of("src/main/resources/kamelets");
    private static final Set<String> SECRETS = Set.of("writeKey", "token");
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([\\w-]+)}}");

    @Test
    void theSevenKameletsAreThere() {
        assertThat(Kamelets.all()).extracting(Kamelets.Kamelet::name).containsExactlyInAnyOrder(
                "segment-track-sink", "segment-identify-sink", "segment-page-sink", "segment-group-sink",
                "segment-batch-sink", "segment-update-source-action", "segment-add-labels-action");
    }

    @Test
    void eachIsAKameletNamedAfterItsFileAndItsType() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            Map<String, Object> yaml = kamelet.yaml();
            assertThat(yaml).as(kamelet.file().toString()).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
            assertThat(kamelet.file().getFileName().toString()).isEqualTo(kamelet.name() + ".kamelet.yaml");
            String type = (String) Kamelets.map(Kamelets.map(yaml, "metadata"), "labels").get("camel.apache.org/kamelet.type");
            assertThat(type).as(kamelet.name()).isIn("sink", "action");
            assertThat(kamelet.name()).endsWith("-" + type);
        }
    }

    @Test
    void eachHasTheAnnotationsDesignersShow() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            assertThat(Kamelets.map(Kamelets.map(kamelet.yaml(), "metadata"), "annotations")).as(kamelet.name())
                    .containsKeys("camel.apache.org/kamelet.icon", "camel.apache.org/provider",
                            "camel.apache.org/kamelet.support.level")
                    .containsEntry("camel.apache.org/kamelet.group", "Segment");
        }
    }

    @Test
    void eachDefinitionHasATitleADescriptionAndRequiredPropertiesItDefines() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            Map<String, Object> definition = kamelet.definition();
            assertThat(definition).as(kamelet.name()).containsEntry("type", "object").containsKeys("title", "description");
            assertThat((String) definition.get("title")).startsWith("Segment ");
            assertThat(kamelet.required()).as(kamelet.name() + " required").isNotEmpty()
                    .isSubsetOf(kamelet.properties().keySet());
        }
    }

    @Test
    void eachPropertyHasATitleADescriptionAndAType() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            kamelet.properties().forEach((name, property) -> assertThat(Kamelets.map(property))
                    .as(kamelet.name() + " " + name).containsKeys("title", "description", "type"));
        }
    }

    @Test
    void everyPropertyAUserTypesHasAnExample() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            kamelet.properties().forEach((name, property) -> {
                Map<String, Object> p = Kamelets.map(property);
                if (!SECRETS.contains(name) && !p.containsKey("enum")) {
                    assertThat(p).as(kamelet.name() + " " + name + ": an example").containsKey("example");
                }
            });
        }
    }

    @Test
    void credentialsAreRequiredPasswordsInTheCredentialsGroup() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            Set<String> secrets = new LinkedHashSet<>(kamelet.properties().keySet());
            secrets.retainAll(SECRETS);
            assertThat(secrets).as(kamelet.name() + ": a write key or token").hasSize(1);
            for (String secret : secrets) {
                assertThat(kamelet.required()).contains(secret);
                assertThat(Kamelets.map(kamelet.properties().get(secret))).as(kamelet.name() + " " + secret)
                        .containsEntry("format", "password").containsEntry("x-descriptors", List.of(CREDENTIALS));
            }
        }
    }

    @Test
    void eachDependsOnTheKameletComponentAndThisVersionOfCamelSegment() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            assertThat(Kamelets.list(Kamelets.map(kamelet.yaml(), "spec"), "dependencies")).as(kamelet.name())
                    .contains("camel:kamelet", "mvn:io.camelsegment:camel-segment:" + Kamelets.projectVersion());
        }
    }

    @Test
    void theTemplateUsesEveryPropertyAndOnlyRequiredOnesWithoutDefault() {
        for (Kamelets.Kamelet kamelet : Kamelets.all()) {
            Set<String> used = new LinkedHashSet<>();
            Set<String> mandatory = new LinkedHashSet<>();
            Matcher placeholder = PLACEHOLDER.matcher(kamelet.template());
            while (placeholder.find()) {
                used.add(placeholder.group(2));
                if (placeholder.group(1).isEmpty()) {
                    mandatory.add(placeholder.group(2));
                }
            }
            assertThat(used).as(kamelet.name() + ": placeholders").containsExactlyInAnyOrderElementsOf(kamelet.properties().keySet());
            mandatory.forEach(name -> assertThat(kamelet.required().contains(name)
                                                 || Kamelets.map(kamelet.properties().get(name)).containsKey("default"))
                    .as(kamelet.name() + ": {{" + name + "}} without ? must be required or have a default").isTrue());
        }
    }
}
