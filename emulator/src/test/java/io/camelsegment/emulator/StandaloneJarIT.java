package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The attached {@code -standalone} jar runs on its own with {@code java -jar} (run by failsafe after packaging). */
class StandaloneJarIT {

    @Test
    void standaloneJarServesOnTheGivenPort() throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar", "target/missing.jar"));
        assertThat(jar).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder printed = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("Stop with")) {
                printed.append(line).append('\n');
            }
            assertThat(printed).contains("http://127.0.0.1:" + port + "/v1");

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/track"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"writeKey\":\"k\",\"userId\":\"u\",\"event\":\"E\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
