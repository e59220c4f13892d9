package io.camelsegment.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel Main application started as users start one, in its own JVM, prints none of its credentials: not in Camel
 * Main's auto-configuration and property-placeholder summaries, not in endpoint URIs, not in our own lines. At DEBUG,
 * only the loggers the guide names as printing credentials for every Camel application may show them.
 */
class SecretsAtStartupTest {

    private static final String ENV_TOKEN = "sgp_ENV_secret_4";
    private static final List<String> SECRETS = List.of("wk_COMPONENT_secret_1", "wk_PLACEHOLDER_secret_2",
            "wk_REMOVE_secret_3", ENV_TOKEN);

    /**
     * Loggers the guide names as printing credentials at DEBUG for every Camel application: Apache HttpClient, Camel
     * core's placeholder resolution, Camel Main's property binding. Their INFO lines are checked like any other.
     */
    private static final List<String> DOCUMENTED_DEBUG_LOGGERS = List.of("org.apache.hc.client5.http.",
            "org.apache.camel.component.properties.", "org.apache.camel.impl.engine.DefaultCamelContextExtension ",
            "org.apache.camel.main.BaseMainSupport ", "org.apache.camel.main.MainHelper ");
    /** The local stand-in for Segment, which is not part of the application. */
    private static final List<String> STAND_IN = List.of("wiremock.", "com.github.tomakehurst.wiremock.");

    /** One line of output, with the logger and level of its entry (continuation lines keep those of their entry). */
    private record Line(String logger, String level, String text) {

        boolean isDocumentedDebugOutput() {
            return STAND_IN.stream().anyMatch(logger::startsWith)
                   || ("DEBUG".equals(level) || "TRACE".equals(level))
                      && DOCUMENTED_DEBUG_LOGGERS.stream().anyMatch(logger::startsWith);
        }
    }

    @ParameterizedTest(name = "at {0}")
    @ValueSource(strings = { "INFO", "DEBUG" })
    void noCredentialIsPrintedOutsideTheDocumentedLoggers(String level) throws Exception {
        List<Line> output = run(level);

        List<Line> leaks = output.stream()
                .filter(line -> !line.isDocumentedDebugOutput())
                .filter(line -> secretsAndTheirEncodings().anyMatch(line.text()::contains))
                .toList();
        assertThat(leaks).isEmpty();
        assertThat(output).extracting(Line::text)
                .anyMatch(text -> text.contains("camel.component.segment.writeKey = xxxxxx"))
                .anyMatch(text -> text.contains("segment.writeKey = xxxxxx"));
    }

    private static Stream<String> secretsAndTheirEncodings() {
        return SECRETS.stream().flatMap(secret -> Stream.of(secret,
                Base64.getEncoder().encodeToString((secret + ":").getBytes(StandardCharsets.UTF_8))));
    }

    private static List<Line> run(String level) throws IOException, InterruptedException {
        Path config = Path.of("src/test/resources/secrets-app/log4j2.properties").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dlog4j2.configurationFile=" + config, "-Dsecrets.level=" + level, SecretsApp.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("SEGMENT_TOKEN", ENV_TOKEN);
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // kept for a person to read when the test fails
        Files.writeString(Path.of("target", "secrets-app-" + level + ".log"), printed);
        List<String> lines = printed.lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the app sent each call with its credential:%n%s", String.join("\n", lines))
                .isZero();
        return withLoggers(lines);
    }

    private static List<Line> withLoggers(List<String> lines) {
        List<Line> output = new ArrayList<>();
        String logger = "";
        String level = "";
        for (String line : lines) {
            String[] words = line.split(" ", 3);
            if (words.length == 3 && words[1].matches("TRACE|DEBUG|INFO|WARN|ERROR") && words[2].startsWith("- ")) {
                logger = words[0] + " ";
                level = words[1];
            }
            output.add(new Line(logger, level, line));
        }
        return output;
    }
}
