package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneMainTest {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void mainStartsOnTheGivenPortAndPrintsItsUrls() throws IOException {
        int port = freePort();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (SegmentEmulator emulator = Main.launch(new String[] {"--port", Integer.toString(port)},
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertThat(emulator.port()).isEqualTo(port);
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("http://127.0.0.1:" + port + "/v1", "http://127.0.0.1:" + port + "/");
            assertThat(output).contains("API token    : " + emulator.token());
            EmulatorClient client = new EmulatorClient(emulator);
            assertThat(client.raw("GET", "http://127.0.0.1:" + port + "/", null).body()).contains("id=\"type-filter\"");
            assertThat(client.post("http://127.0.0.1:" + port + "/v1/track", "{\"userId\":\"u\",\"event\":\"E\"}",
                    "Authorization", EmulatorClient.basic("k")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokenOptionMakesThePublicApiStrict() throws IOException {
        try (SegmentEmulator emulator = Main.launch(new String[] {"--port", "0", "--token", "t0k3n", "--no-seed"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            EmulatorClient client = new EmulatorClient(emulator);
            assertThat(client.raw("GET", emulator.apiUrl() + "/destinations/x", null, "Authorization", "Bearer other")
                    .statusCode()).isEqualTo(401);
            assertThat(client.raw("GET", emulator.apiUrl() + "/destinations/x", null, "Authorization", "Bearer t0k3n")
                    .statusCode()).isEqualTo(404);
            assertThat(emulator.sources()).isEmpty();
        }
    }

    @Test
    void rateLimitOptionLimitsThePublicApi() {
        try (SegmentEmulator emulator = Main.launch(new String[] {"--port", "0", "--rate-limit", "1"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            EmulatorClient client = new EmulatorClient(emulator);

            assertThat(client.api("GET", "/destinations/x", null).statusCode()).isEqualTo(404);
            assertThat(client.api("GET", "/destinations/x", null).statusCode()).isEqualTo(429);
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        assertThat(Main.launch(new String[] {"--help"}, new PrintStream(printed, true, StandardCharsets.UTF_8))).isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--port");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> Main.launch(new String[] {"--verbose"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
    }
}
