package io.camelsegment.quarkus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample of docs/quarkus.md is code this module (or the Quarkus example) runs: a {@code java}, {@code yaml} or
 * {@code properties} block must equal a tagged region ({@code // tag::name[]} or {@code # tag::name[]}) of a source the
 * tests run, an {@code xml} block must name this project's version. The component's own DocSamplesTest does the same
 * for README.md and the guide.
 */
class QuarkusDocSamplesTest {

    private static final Path PROJECT = Path.of("../..");
    private static final Path DOCUMENT = PROJECT.resolve("docs/quarkus.md");
    private static final List<Path> SAMPLE_SOURCES = List.of(Path.of("src/main"), Path.of("src/test"),
            PROJECT.resolve("examples/quarkus/src"));

    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*(?://|#)\\s*(tag|end)::([\\w-]+)\\[\\]\\s*$");

    record Block(int line, String language, String text) {
    }

    @Test
    void everyJavaAndPropertiesBlockIsATaggedRegionOfARunSource() {
        Map<String, String> regions = regions();
        List<Block> tested = blocks().stream().filter(block -> List.of("java", "properties", "yaml").contains(block.language()))
                .toList();

        assertThat(tested).hasSizeGreaterThanOrEqualTo(4);
        assertThat(tested).allSatisfy(block -> assertThat(regions.values())
                .as("docs/quarkus.md:%d is not a tagged region of %s", block.line(), SAMPLE_SOURCES)
                .contains(block.text()));
    }

    @Test
    void everyXmlBlockNamesThisProjectsVersion() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>camel-segment-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();

        List<Block> xml = blocks().stream().filter(block -> block.language().equals("xml")).toList();
        assertThat(xml).isNotEmpty().allSatisfy(block -> assertThat(block.text())
                .contains("<groupId>io.camelsegment</groupId>")
                .contains("<version>" + version.group(1) + "</version>"));
    }

    @Test
    void everyBlockHasAKnownLanguage() {
        assertThat(blocks()).extracting(Block::language).isSubsetOf("java", "properties", "yaml", "xml", "shell");
    }

    private static List<Block> blocks() {
        List<String> lines = read(DOCUMENT);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !FENCE.matcher(lines.get(end)).matches()) {
                end++;
            }
            assertThat(end).as("docs/quarkus.md:%d: a block that never closes", i + 1).isLessThan(lines.size());
            blocks.add(new Block(i + 1, fence.group(1), normalise(lines.subList(i + 1, end))));
            i = end;
        }
        return blocks;
    }

    private static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Path root : SAMPLE_SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> regionsOf(file, regions));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    private static void regionsOf(Path file, Map<String, String> regions) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (String line : read(file)) {
            Matcher marker = MARKER.matcher(line);
            if (!marker.matches()) {
                open.values().forEach(region -> region.add(line));
            } else if (marker.group(1).equals("tag")) {
                open.put(marker.group(2), new ArrayList<>());
            } else {
                List<String> region = open.remove(marker.group(2));
                assertThat(region).as("%s: end::%s[] without its tag", file, marker.group(2)).isNotNull();
                assertThat(regions.put(marker.group(2), normalise(region)))
                        .as("region %s is tagged twice", marker.group(2)).isNull();
            }
        }
        assertThat(open.keySet()).as("%s: regions never ended", file).isEmpty();
    }

    /** Without trailing blanks, leading and trailing empty lines, and the indentation every line shares. */
    private static String normalise(List<String> lines) {
        List<String> trimmed = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!trimmed.isEmpty() && trimmed.get(0).isEmpty()) {
            trimmed.remove(0);
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        int indent = trimmed.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", trimmed.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
