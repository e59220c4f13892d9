package io.camelsegment.segment.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every code sample of README.md, docs/guide.md, docs/low-code.md, docs/scaling-out.md and the component reference is code
 * that a test compiles and runs, so no sample can rot.
 *
 * <p>
 * A {@code java}, {@code yaml} or {@code properties} block must be, after trimming the indentation its lines share,
 * identical to a tagged region ({@code // tag::name[]} ... {@code // end::name[]}, or {@code #} in YAML and properties)
 * of a file in this package or in {@code src/test/resources/docs}, where the sample tests run it. The only other blocks
 * are checked for what they are: JSON wire examples must parse, Maven coordinates must be those the build uses at
 * its versions, and shell commands and the URI syntax are allowed as they are. To change a sample, change its tagged region, run its
 * test, and paste the region into the document.
 */
class DocSamplesTest {

    private static final Path PROJECT = Path.of("..");
    private static final List<Path> DOCUMENTS = List.of(PROJECT.resolve("README.md"), PROJECT.resolve("docs/guide.md"),
            PROJECT.resolve("docs/low-code.md"), PROJECT.resolve("docs/scaling-out.md"),
            Path.of("src/main/docs/segment-component.adoc"));
    /**
     * Where samples run: this module's sample tests, the Spring Boot and Kafka examples' sources, which their own tests
     * run, and the low-code page's, which the Kamelets', the Endpoint DSL's and the JBang example's tests run.
     */
    private static final List<Path> SAMPLE_SOURCES = List.of(Path.of("src/test/java/io/camelsegment/segment/docs"),
            Path.of("src/test/resources/docs"), PROJECT.resolve("examples/spring-boot/src/main"),
            PROJECT.resolve("examples/spring-boot/src/test"), PROJECT.resolve("examples/kafka-to-segment/src/main"),
            PROJECT.resolve("kamelets/src/test/resources/routes"),
            PROJECT.resolve("examples/jbang/track-signup.camel.yaml"), PROJECT.resolve("endpoint-dsl/src/test/java"),
            PROJECT.resolve("examples/jbang/application-emulator.properties"));

    /** Languages whose blocks must be a tagged region of a tested source. */
    private static final Set<String> TESTED = Set.of("java", "yaml", "properties");
    /** Literal blocks of the reference that are syntax, not code. */
    private static final Set<String> LITERALS = Set.of("segment:operation[?options]");

    private static final Pattern MARKER = Pattern.compile("^\\s*(?://|#)\\s*(tag|end)::([\\w-]+)\\[\\]\\s*$");
    private static final Pattern MARKDOWN_FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");
    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,\\s*(\\w+)\\s*]$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    record Block(String document, int line, String language, String text) {
        @Override
        public String toString() {
            return document + ":" + line + " (" + language + ")";
        }
    }

    record Region(String file, String name, String text) {
    }

    @TestFactory
    Stream<DynamicTest> everyCodeBlockIsTestedCode() {
        Map<String, Region> regions = regions();
        return blocks().stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> check(block, regions)));
    }

    @Test
    void everyTaggedRegionIsShownInADocument() {
        Set<String> shown = blocks().stream().map(Block::text).collect(Collectors.toSet());

        assertThat(regions().values()).filteredOn(region -> !shown.contains(region.text()))
                .as("tagged regions that no document shows (remove the tags, or show the sample)")
                .extracting(region -> region.file() + " " + region.name()).isEmpty();
    }

    @Test
    void theDocumentsAndTheSourcesAreFound() {
        assertThat(blocks()).filteredOn(block -> TESTED.contains(block.language())).hasSizeGreaterThan(15);
        assertThat(regions()).hasSizeGreaterThan(15);
    }

    private static void check(Block block, Map<String, Region> regions) {
        switch (block.language()) {
            case "java", "yaml", "properties" -> {
                if (regions.values().stream().noneMatch(region -> region.text().equals(block.text()))) {
                    Region closest = closest(block, regions);
                    fail(block + " is not a tagged region of a tested source in " + SAMPLE_SOURCES + ".\n--- the document has:\n"
                         + block.text() + "\n--- the closest region, " + closest.name() + " in " + closest.file() + ", has:\n"
                         + closest.text());
                }
            }
            case "json" -> {
                try {
                    JSON.readTree(block.text());
                } catch (IOException e) {
                    fail(block + " is not JSON: " + e.getMessage());
                }
            }
            case "xml" -> checkCoordinates(block);
            case "shell" -> assertThat(block.text()).as(block.toString()).isNotBlank();
            case "literal" -> assertThat(LITERALS).as(block + ": a literal block that is not on the list of syntax blocks")
                    .contains(block.text());
            default -> fail(block + ": give the block a language (java, yaml, properties, json, xml or shell)");
        }
    }

    /**
     * XML blocks are Maven coordinates: each artifact shown must be one this build uses, at the version it uses, so a
     * reader who copies the block gets what the tests ran on.
     */
    private static void checkCoordinates(Block block) {
        Matcher artifact = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*"
                                           + "<version>([^<]+)</version>").matcher(block.text());
        int found = 0;
        while (artifact.find()) {
            found++;
            String coordinates = artifact.group(1) + ":" + artifact.group(2);
            assertThat(artifact.group(3)).as(block + ": the version of " + coordinates)
                    .isIn(expectedVersions(artifact.group(1)));
        }
        assertThat(found).as(block + ": an XML block shows Maven coordinates with their version").isPositive();
    }

    private static List<String> expectedVersions(String groupId) {
        return switch (groupId) {
            case "io.camelsegment" -> List.of(projectVersion(), "x.x.x");
            case "org.apache.camel.springboot" -> List.of(rootProperty("camel-spring-boot.version"));
            case "org.springframework.boot" -> List.of(rootProperty("spring-boot.version"));
            default -> List.of();
        };
    }

    private static String rootProperty(String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(String.join("\n",
                read(PROJECT.resolve("pom.xml"))));
        assertThat(value.find()).as("the property " + name + " in the root pom.xml").isTrue();
        return value.group(1);
    }

    /** The region sharing the most lines with the block. */
    private static Region closest(Block block, Map<String, Region> regions) {
        Set<String> lines = Set.copyOf(block.text().lines().toList());
        return regions.values().stream()
                .max(Comparator.comparingLong(region -> region.text().lines().filter(lines::contains).count()))
                .orElseThrow();
    }

    // ---- the documents' blocks

    static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            List<String> lines = read(document);
            String name = PROJECT.toAbsolutePath().normalize().relativize(document.toAbsolutePath().normalize()).toString();
            if (name.endsWith(".adoc")) {
                adocBlocks(name, lines, blocks);
            } else {
                markdownBlocks(name, lines, blocks);
            }
        }
        return blocks;
    }

    private static void markdownBlocks(String document, List<String> lines, List<Block> blocks) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = MARKDOWN_FENCE.matcher(lines.get(i));
            if (fence.matches()) {
                int end = closing(lines, i, line -> MARKDOWN_FENCE.matcher(line).matches(), document);
                blocks.add(new Block(document, i + 1, fence.group(1).isEmpty() ? "none" : fence.group(1),
                        normalize(lines.subList(i + 1, end))));
                i = end;
            }
        }
    }

    private static void adocBlocks(String document, List<String> lines, List<Block> blocks) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("----")) {
                Matcher source = i > 0 ? ADOC_SOURCE.matcher(lines.get(i - 1)) : null;
                String language = source != null && source.matches() ? source.group(1) : "literal";
                int end = closing(lines, i, "----"::equals, document);
                blocks.add(new Block(document, i + 1, language, normalize(lines.subList(i + 1, end))));
                i = end;
            }
        }
    }

    private static int closing(List<String> lines, int open, Predicate<String> isClosing, String document) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (isClosing.test(lines.get(j))) {
                return j;
            }
        }
        throw new AssertionError(document + ":" + (open + 1) + ": a code block that never closes");
    }

    // ---- the tagged regions of the tested sources

    static Map<String, Region> regions() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (Path root : SAMPLE_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> regionsOf(file, regions));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    private static void regionsOf(Path file, Map<String, Region> regions) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        Map<String, List<String>> done = new LinkedHashMap<>();
        for (String line : read(file)) {
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                String name = marker.group(2);
                if (marker.group(1).equals("tag")) {
                    open.put(name, done.getOrDefault(name, new ArrayList<>()));
                } else if (open.containsKey(name)) {
                    done.put(name, open.remove(name));
                } else {
                    throw new AssertionError(file + ": end::" + name + "[] without tag::" + name + "[]");
                }
                continue;
            }
            open.values().forEach(region -> region.add(line));
        }
        assertThat(open.keySet()).as(file + ": regions never ended").isEmpty();
        done.forEach((name, lines) -> {
            Region previous = regions.put(name, new Region(file.toString(), name, normalize(lines)));
            assertThat(previous).as("region " + name + " is tagged in two files").isNull();
        });
    }

    // ---- text

    /** Without trailing blanks, leading and trailing empty lines, and the indentation every line shares. */
    static String normalize(List<String> lines) {
        List<String> trimmed = lines.stream().map(String::stripTrailing).collect(Collectors.toCollection(ArrayList::new));
        while (!trimmed.isEmpty() && trimmed.get(0).isEmpty()) {
            trimmed.remove(0);
        }
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        int indent = trimmed.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return trimmed.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String projectVersion() {
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(String.join("\n", read(Path.of("pom.xml"))));
        assertThat(version.find()).as("the parent version in pom.xml").isTrue();
        return version.group(1);
    }
}
