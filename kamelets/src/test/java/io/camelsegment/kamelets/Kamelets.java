package io.camelsegment.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kamelet files of this module, read as plain YAML. */
final class Kamelets {

    record Kamelet(Path file, Map<String, Object> yaml, String text) {

        String name() {
            return (String) map(yaml, "metadata").get("name");
        }

        Map<String, Object> definition() {
            return map(map(yaml, "spec"), "definition");
        }

        Map<String, Object> properties() {
            return map(definition(), "properties");
        }

        List<Object> required() {
            return list(definition(), "required");
        }

        /** The template as written, where the placeholders are. */
        String template() {
            return text.substring(text.indexOf("\n  template:"));
        }
    }

    private Kamelets() {
    }

    /** The Kamelets of {@code src/main/resources/kamelets}. */
    static List<Kamelet> all() {
        return all(KameletSchemaTest.KAMELETS);
    }

    static List<Kamelet> all(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().map(Kamelets::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Kamelet read(Path file) {
        try {
            String text = Files.readString(file);
            return new Kamelet(file, (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Object>) parent.get(key);
    }

    /** The version of this build, from the parent of this module's pom.xml. */
    static String projectVersion() {
        try {
            Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                    .matcher(Files.readString(Path.of("pom.xml")));
            assertThat(version.find()).as("the parent version in pom.xml").isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
