package io.camelsegment.example.jbang;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.emulator.SegmentEmulatorExtension;
import io.camelsegment.emulator.TrackedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's command, {@code camel run track-signup.camel.yaml --profile=emulator
 * --dep=io.camelsegment:camel-segment:VERSION --max-messages=1}, with a launcher built from camel-jbang-core, in its own
 * JVM whose classpath is Camel JBang's alone: the component comes only from {@code --dep}.
 *
 * <p>
 * The launcher resolves {@code --dep} from a Maven local repository. So that it takes this build's jar, never an older
 * copy in {@code ~/.m2}, it gets a local repository of its own, {@code target/jbang/repository}, with
 * {@code -Dmaven.repo.local} (Camel JBang's downloader reads that property; it ignored a {@code --maven-settings} file's
 * {@code localRepository} when tried): the jar, its pom and the parent pom are laid there as {@code mvn install} would
 * lay them, and the component's dependencies (about 15 MB) are resolved from Maven Central into it. The emulator's URL
 * replaces the profile's fixed port with {@code --prop}.
 */
class JBangRunTest {

    @RegisterExtension
    static final SegmentEmulatorExtension SEGMENT = new SegmentEmulatorExtension();

    private static final Path ROOT = Path.of("../..");

    @Test
    void theOneShotRouteTracksASignupWithTheComponentFromDepAndExits() throws Exception {
        String version = projectVersion();
        Path repository = localRepository(version);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Dmaven.repo.local=" + repository,
                "-cp", launcherClasspath(), JBangLauncher.class.getName(),
                "run", "track-signup.camel.yaml", "--profile=emulator", "--dep=io.camelsegment:camel-segment:" + version,
                "--max-messages=1", "--prop=camel.component.segment.trackingUrl=" + SEGMENT.trackingUrl()));
        Path log = Path.of("target/jbang/run.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        boolean exited = process.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("the route stops by itself after one message:\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Segment accepted Signed Up of user-42 as ");
        TrackedEvent event = onlyAcceptedEvent(SEGMENT.emulator());
        assertThat(event.event()).isEqualTo("Signed Up");
        assertThat(event.userId()).isEqualTo("user-42");
        assertThat(event.json().get("properties")).isEqualTo(java.util.Map.of("plan", "pro"));
    }

    private static TrackedEvent onlyAcceptedEvent(SegmentEmulator emulator) {
        assertThat(emulator.droppedEvents()).isEmpty();
        assertThat(emulator.acceptedEvents()).hasSize(1);
        return emulator.acceptedEvents().get(0);
    }

    /** A local repository holding this build's camel-segment as {@code mvn install} would. */
    private static Path localRepository(String version) throws IOException {
        Path repository = Path.of("target/jbang/repository").toAbsolutePath();
        Path component = repository.resolve("io/camelsegment/camel-segment/" + version);
        Path parent = repository.resolve("io/camelsegment/camel-segment-parent/" + version);
        Files.createDirectories(component);
        Files.createDirectories(parent);
        Files.copy(componentJar(), component.resolve("camel-segment-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ROOT.resolve("component/pom.xml"), component.resolve("camel-segment-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ROOT.resolve("pom.xml"), parent.resolve("camel-segment-parent-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        return repository;
    }

    /** The camel-segment jar of this build, as the reactor put it on the test classpath. */
    private static Path componentJar() {
        return classpath().stream().filter(entry -> entry.getFileName().toString().matches("camel-segment-[0-9].*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the camel-segment jar is not on the classpath: run mvn verify,"
                                                      + " which packages the component before this module's tests"));
    }

    /** The test classpath without this project's artifacts: Camel JBang, its dependencies and the launcher. */
    private static String launcherClasspath() {
        return classpath().stream().map(Path::toString).filter(entry -> !entry.contains("camelsegment")
                                                                        && !entry.contains("camel-segment"))
                .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
    }

    private static List<Path> classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String projectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int parent = pom.indexOf("<parent>");
        int start = pom.indexOf("<version>", parent) + "<version>".length();
        return pom.substring(start, pom.indexOf("</version>", start));
    }
}
