package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import static io.camelsegment.emulator.SegmentEmulator.DEMO_MOBILE_SOURCE_ID;
import static io.camelsegment.emulator.SegmentEmulator.DEMO_SOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

class ResetTest {

    @Test
    void resetForgetsRecordingsFaultsAndDedupAndRestoresTheDemoWorkspace() {
        try (SegmentEmulator emulator = SegmentEmulator.start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"m1\"}");
            client.api("DELETE", "/sources/" + DEMO_MOBILE_SOURCE_ID, null);
            client.api("PATCH", "/sources/" + DEMO_SOURCE_ID, "{\"name\":\"Changed\"}");
            emulator.faults().always().onPath("/nothing").status(500);

            emulator.reset();

            assertThat(emulator.events()).isEmpty();
            assertThat(emulator.trackingRequests()).isEmpty();
            assertThat(emulator.publicApiRequests()).isEmpty();
            assertThat(emulator.source(DEMO_MOBILE_SOURCE_ID)).isPresent();
            assertThat(emulator.source(DEMO_SOURCE_ID).orElseThrow().name()).isEqualTo("Demo Website");
            assertThat(client.api("GET", "/nothing", null).statusCode()).isEqualTo(404);
            client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"m1\"}");
            assertThat(emulator.acceptedEvents()).hasSize(1);
            assertThat(emulator.events().get(0).sequence()).isEqualTo(1);
        }
    }

    @Test
    void unseededEmulatorResetsToAnEmptyWorkspace() {
        try (SegmentEmulator emulator = SegmentEmulator.builder().seeded(false).start()) {
            assertThat(emulator.sources()).isEmpty();
            assertThat(new EmulatorClient(emulator).api("GET", "/sources/" + DEMO_SOURCE_ID + "/settings", null).statusCode())
                    .isEqualTo(404);

            emulator.reset();

            assertThat(emulator.sources()).isEmpty();
        }
    }

    @Test
    void jsonPostToEmulatorResetResetsToo() {
        try (SegmentEmulator emulator = SegmentEmulator.start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\"}");

            assertThat(client.post(emulator.apiUrl() + "/emulator/reset", "{}").statusCode()).isEqualTo(200);

            assertThat(emulator.events()).isEmpty();
        }
    }

    @Test
    void crossOriginStylePlainTextPostToEmulatorResetIsRefusedAndResetsNothing() {
        try (SegmentEmulator emulator = SegmentEmulator.start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\"}");

            // What a form or a no-cors fetch on any web page can send without a CORS preflight.
            assertThat(client.raw("POST", emulator.apiUrl() + "/emulator/reset", "x", "Content-Type", "text/plain",
                    "Origin", "https://evil.example").statusCode()).isEqualTo(415);

            assertThat(emulator.events()).hasSize(1);
        }
    }

    @Test
    void theEmulatorListensOnTheLoopbackByDefault() {
        try (SegmentEmulator emulator = SegmentEmulator.start()) {
            assertThat(emulator.apiUrl()).startsWith("http://127.0.0.1:");
        }
    }
}
